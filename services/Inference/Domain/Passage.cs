namespace SecureRag.Inference.Domain;

/// <summary>A retrieved passage: untrusted data the answer may cite.</summary>
public sealed record Passage(string Id, string CitationId, string Title, string Section, string Text, int Rank)
{
    /// <summary>What the answer writes in brackets: the citation id, or the passage id when there is none.</summary>
    public string Cite => CitationId.Length > 0 ? CitationId : Id;
}
