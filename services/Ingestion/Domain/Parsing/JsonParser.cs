using System.Buffers;
using System.Text.Json;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// JSON, streamed with <see cref="Utf8JsonReader"/> (never a whole document tree): every scalar becomes a line
/// <c>path: value</c>, grouped into one record per element of a top-level array or per top-level property, each citing
/// its JSON path. Nesting deeper than the limit refuses the document.
/// </summary>
public sealed class JsonParser : IDocumentParser
{
    private const int LinesPerBlock = 200;

    public DocumentFormat Format => DocumentFormat.Json;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var builder = new JsonRecordBuilder(LinesPerBlock, limits);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip });
            var length = 0;
            var final = false;
            SkipBom(content);
            while (!final)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (length == buffer.Length)
                {
                    // One token larger than the buffer: grow it (bounded by the document size limit).
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = content.Read(buffer, length, buffer.Length - length);
                final = read == 0;
                length += read;
                var consumed = ReadTokens(buffer.AsSpan(0, length), final, ref state, builder);
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                foreach (var block in builder.Drain())
                {
                    yield return block;
                }
            }

            builder.Finish();
            foreach (var block in builder.Drain())
            {
                yield return block;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadTokens(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, JsonRecordBuilder builder)
    {
        var reader = new Utf8JsonReader(data, final, state);
        try
        {
            while (reader.Read())
            {
                builder.Accept(ref reader);
            }
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocumentRejectedException(RejectionCode.ExpansionLimit, "The JSON document is nested deeper than allowed.", ex);
        }
        catch (JsonException ex)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, $"The file is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        if (final && builder.Depth != 0)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, "The JSON document ends before it is complete.");
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private static void SkipBom(Stream content)
    {
        Span<byte> bom = stackalloc byte[3];
        var read = content.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (read < 3 || !bom.SequenceEqual("\uFEFF"u8))
        {
            content.Position = 0;
        }
    }
}
