using System.Collections.Concurrent;
using Dapper;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// One HNSW index per vector dimension (pgvector's HNSW needs a fixed dimension): a partial expression index
/// on <c>embedding::vector(n)</c> for the chunks of that dimension, created the first time a dimension is written.
/// </summary>
public sealed class VectorIndexes(ServiceDatabase database)
{
    /// <summary>pgvector indexes vectors of up to 2,000 dimensions.</summary>
    public const int MaxDimension = 2000;

    private readonly ConcurrentDictionary<int, bool> _known = new();
    private readonly SemaphoreSlim _creating = new(1, 1);

    public static string Expression(int dimension) => $"embedding::vector({dimension})";

    /// <summary>
    /// Creates the dimension's index if it is missing, on a connection of its own and committed at once: inside a
    /// writer's transaction its table lock would deadlock with concurrent writers' row inserts.
    /// </summary>
    public async Task EnsureAsync(int dimension, CancellationToken ct)
    {
        if (dimension is < 1 or > MaxDimension)
        {
            throw new ArgumentException($"Vectors must have 1 to {MaxDimension} dimensions.");
        }

        if (_known.ContainsKey(dimension))
        {
            return;
        }

        await _creating.WaitAsync(ct);
        try
        {
            await using var connection = await database.OpenAsync(ct);
            var name = $"chunks_embedding_{dimension}";
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = @name)",
                new { name }, cancellationToken: ct));
            if (!exists)
            {
                // The dimension is an integer validated above, so formatting it into DDL is safe.
                await connection.ExecuteAsync(new CommandDefinition(
                    $"CREATE INDEX IF NOT EXISTS {name} ON chunks USING hnsw (({Expression(dimension)}) vector_cosine_ops) WHERE dims = {dimension}",
                    cancellationToken: ct));
            }

            _known[dimension] = true;
        }
        finally
        {
            _creating.Release();
        }
    }
}
