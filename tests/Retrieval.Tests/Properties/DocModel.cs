namespace SecureRag.Retrieval.Tests.Properties;

/// <summary>What the test believes about a document: its searchable version and chunks, and a pending version.</summary>
internal sealed class DocModel(string tenant, string id, KbModel kb, string title, DateTimeOffset effective)
{
    public string Tenant { get; } = tenant;

    public string Id { get; } = id;

    public KbModel Kb { get; } = kb;

    public string Title { get; } = title;

    public DateTimeOffset Effective { get; } = effective;

    public string[] Access { get; set; } = [];

    /// <summary>0: nothing searchable.</summary>
    public long LiveVersion { get; set; }

    public string[] LiveChunks { get; set; } = [];

    public string[]? PendingChunks { get; set; }

    public bool Deleted { get; set; }
}
