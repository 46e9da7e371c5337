using System.Text;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// Reads the text formats strictly: UTF-8 (with or without a byte-order mark) or UTF-16/32 with one. Bytes that are
/// not valid text, or NUL characters, refuse the document rather than feeding replacement characters to the index.
/// </summary>
public static class TextContent
{
    private const int BufferSize = 64 * 1024;

    public static IEnumerable<string> ReadLines(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        using var reader = OpenReader(content);
        long total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException ex)
            {
                throw NotText(ex);
            }

            if (line is null)
            {
                yield break;
            }

            total += line.Length + 1;
            Check(line, total, limits);
            yield return line;
        }
    }

    public static string ReadAll(Stream content, ParseLimits limits)
    {
        using var reader = OpenReader(content);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            throw NotText(ex);
        }

        Check(text, text.Length, limits);
        return text;
    }

    private static StreamReader OpenReader(Stream content) =>
        new(content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);

    private static void Check(string text, long total, ParseLimits limits)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new DocumentRejectedException(RejectionCode.Encoding, "The file holds binary data (NUL characters), not text.");
        }

        if (total > limits.MaxExtractedChars)
        {
            throw new DocumentRejectedException(RejectionCode.ExpansionLimit, $"The document yields more than {limits.MaxExtractedChars} characters of text.");
        }
    }

    private static DocumentRejectedException NotText(Exception inner) =>
        new(RejectionCode.Encoding, "The file is not UTF-8 or UTF-16 text; save it as UTF-8 and upload it again.", inner);
}
