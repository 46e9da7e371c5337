namespace SecureRag.Retrieval.Infrastructure;

/// <summary>A documents row as GetStatus reads it.</summary>
internal sealed class DocumentRow
{
    public long DocKey { get; set; }

    public string KbId { get; set; } = "";

    public long LiveVersion { get; set; }

    public string[] Access { get; set; } = [];

    public string Title { get; set; } = "";

    public string Source { get; set; } = "";

    public string[] Tags { get; set; } = [];

    public string Author { get; set; } = "";

    public DateTime? EffectiveDate { get; set; }
}
