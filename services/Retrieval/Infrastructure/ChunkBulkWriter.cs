using Dapper;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using SecureRag.Retrieval.Domain.Analysis;
using SecureRag.Retrieval.Domain.Indexing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>Writes a version's chunks and postings with binary COPY, inside the caller's transaction.</summary>
public sealed class ChunkBulkWriter(VectorIndexes vectorIndexes)
{
    /// <summary>The length offset of a posting's impact, tf / (dl + offset): see the postings table.</summary>
    public const float ImpactLengthOffset = 50f;

    public static IReadOnlyList<AnalyzedText> Analyse(DocumentVersionInput input) =>
        [.. input.Chunks.Select(c => TextAnalyzer.Analyze(ChunkTextComposer.Compose(input.Metadata.Title, c.HeadingPath, c.Text), pairs: true))];

    public async Task WriteAsync(
        DbSession session, long versionKey, DocumentVersionInput input, IReadOnlyList<AnalyzedText> analysed, int dimension, CancellationToken ct)
    {
        if (input.Chunks.Count == 0)
        {
            return;
        }

        if (dimension > 0)
        {
            await vectorIndexes.EnsureAsync(dimension, ct);
        }

        var keys = (await session.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('chunks', 'chunk_key')) FROM generate_series(1, @count)",
            new { count = input.Chunks.Count }, session.Transaction, cancellationToken: ct))).ToArray();

        await using (var chunks = await session.Connection.BeginBinaryImportAsync(
            """
            COPY chunks (chunk_key, chunk_id, version_key, ordinal, text, heading_path, page, section, start_offset,
                         end_offset, length, script, dims, embedding) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < input.Chunks.Count; i++)
            {
                var chunk = input.Chunks[i];
                await chunks.StartRowAsync(ct);
                await chunks.WriteAsync(keys[i], NpgsqlDbType.Bigint, ct);
                await chunks.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await chunks.WriteAsync(versionKey, NpgsqlDbType.Bigint, ct);
                await chunks.WriteAsync(chunk.Ordinal, NpgsqlDbType.Integer, ct);
                await chunks.WriteAsync(chunk.Text, NpgsqlDbType.Text, ct);
                await chunks.WriteAsync(chunk.HeadingPath, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await chunks.WriteAsync(chunk.Page, NpgsqlDbType.Integer, ct);
                await chunks.WriteAsync(chunk.Section, NpgsqlDbType.Text, ct);
                await chunks.WriteAsync(chunk.StartOffset, NpgsqlDbType.Integer, ct);
                await chunks.WriteAsync(chunk.EndOffset, NpgsqlDbType.Integer, ct);
                await chunks.WriteAsync(analysed[i].Length, NpgsqlDbType.Integer, ct);
                await chunks.WriteAsync(analysed[i].Script == TextScript.Cjk ? "cjk" : "latin", NpgsqlDbType.Text, ct);
                await chunks.WriteAsync(dimension, NpgsqlDbType.Integer, ct);
                if (dimension > 0)
                {
                    await chunks.WriteAsync(new Vector(chunk.Vector), ct);
                }
                else
                {
                    await chunks.WriteNullAsync(ct);
                }
            }

            await chunks.CompleteAsync(ct);
        }

        await using var postings = await session.Connection.BeginBinaryImportAsync(
            "COPY postings (term, chunk_key, version_key, tf, dl, impact) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < input.Chunks.Count; i++)
        {
            foreach (var (term, tf) in analysed[i].TermFrequencies)
            {
                await postings.StartRowAsync(ct);
                await postings.WriteAsync(term, NpgsqlDbType.Text, ct);
                await postings.WriteAsync(keys[i], NpgsqlDbType.Bigint, ct);
                await postings.WriteAsync(versionKey, NpgsqlDbType.Bigint, ct);
                await postings.WriteAsync(tf, NpgsqlDbType.Integer, ct);
                await postings.WriteAsync(analysed[i].Length, NpgsqlDbType.Integer, ct);
                await postings.WriteAsync(tf / (analysed[i].Length + ImpactLengthOffset), NpgsqlDbType.Real, ct);
            }
        }

        await postings.CompleteAsync(ct);
    }
}
