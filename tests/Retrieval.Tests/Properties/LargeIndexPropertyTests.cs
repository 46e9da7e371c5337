using Npgsql;
using SecureRag.Retrieval.Domain.Access;
using SecureRag.Retrieval.Domain.Indexing;
using SecureRag.Retrieval.Domain.Ranking;
using SecureRag.Retrieval.Infrastructure;

namespace SecureRag.Retrieval.Tests.Properties;

/// <summary>
/// The same property over a table padded with another tenant's chunks (same vocabulary, so every query term's
/// postings and the HNSW graph are full of rows the caller may not see), with sequential scans off and the exact
/// fallback off: the plan must use the HNSW and postings indexes, and trimming must still hold.
/// </summary>
public sealed class LargeIndexPropertyTests(LargeIndexFixture server) : IClassFixture<LargeIndexFixture>
{
    private const int FillerDocuments = 5;
    private const int FillerChunksPerDocument = 1000;

    [Fact]
    public async Task TrimmingHoldsWhenTheSearchRunsThroughTheHnswAndPostingsIndexes()
    {
        var ct = TestContext.Current.CancellationToken;
        await WriteFillerAsync(ct);
        var property = new PermissionProperty(server, seed: Environment.TickCount);
        await property.WriteWorldAsync(documentsPerTenant: 40, ct);

        var plan = await ExplainAsync(ct);
        Assert.Contains("postings_term_impact", plan, StringComparison.Ordinal);
        Assert.Contains($"chunks_embedding_{RetrievalServer.Dimension}", plan, StringComparison.Ordinal);

        await property.RunQueriesAsync(1000, ct);
        await property.RunMutationsAsync(30, ct);
        Assert.True(property.Cases >= 1000);
    }

    private async Task WriteFillerAsync(CancellationToken ct)
    {
        await server.Get<KnowledgeBaseStore>().PutAsync("filler", new KnowledgeBaseSettings(
            "filler-kb", "filler-kb", 1, ["tenant:*"], null, false, server.Embedder.Embedder.EmbedderId, "hashed"), ct);
        var writer = server.Get<DocumentIndexWriter>();
        var random = new Random(5);
        var words = new RandomWorld(random);
        for (var d = 0; d < FillerDocuments; d++)
        {
            var chunks = Enumerable.Range(0, FillerChunksPerDocument).Select(_ => words.Words(8)).ToArray();
            await writer.IndexAsync("filler", new DocumentVersionInput(
                "filler-kb", $"filler-{d}", 1, $"filler-{d}", new DocumentMetadataRecord("filler", "", [], "", null), ["tenant:*"], true,
                server.Embedder.Embedder.EmbedderId,
                [.. chunks.Select((c, i) => new ChunkInput(i, c, [], 0, "", server.Embedder.Embedder.Embed(c), 0, 0))]), ct);
        }

        await using var connection = new NpgsqlConnection(server.Postgres.AdminConnectionString);
        await connection.OpenAsync(ct);
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private async Task<string> ExplainAsync(CancellationToken ct)
    {
        var text = "turbine blade cooling";
        var query = new SearchQuery(
            text, QueryTerms.From(text, 64, 0.25),
            new SearchScope("t0", ["tenant:*", "user:u1", "group:g1"], AudienceRules.ReadableClassifications(Contracts.Retrieval.Audience.Internal), true, true, [], []),
            SearchFilter.None, 10, RankingMode.Hybrid, "u1");
        var embedder = new EmbedderRef(server.Embedder.Embedder.EmbedderId, "hashed", RetrievalServer.Dimension);
        await using var command = server.Get<HybridSearch>().CreateCommand(query, [(embedder, server.Embedder.Embedder.Embed(text))], "EXPLAIN ");
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }
}
