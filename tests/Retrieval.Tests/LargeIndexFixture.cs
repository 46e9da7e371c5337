namespace SecureRag.Retrieval.Tests;

/// <summary>
/// Sequential scans off and the exact-search fallback off, so searches must go through the HNSW and postings
/// indexes; the property test adds a large other-tenant filler before it runs.
/// </summary>
public sealed class LargeIndexFixture : RetrievalServer
{
    protected override string? ConnectionOptions => "-c enable_seqscan=off";

    protected override Dictionary<string, string?> Configuration => new()
    {
        ["Retrieval:ExactSearchThreshold"] = "0",
        ["Retrieval:HnswMaxScanTuples"] = "1000000",
    };
}
