using SecureRag.Contracts.Retrieval;

namespace SecureRag.Gateway.Query;

public static class SearchHitExtensions
{
    public static SearchHit WithText(this SearchHit hit, string text)
    {
        hit.Text = text;
        return hit;
    }

    /// <summary>Where in the document the passage is: its section or heading path.</summary>
    public static string? SectionOf(this SearchHit hit) =>
        hit.Section.Length > 0 ? hit.Section
        : hit.HeadingPath.Count > 0 ? string.Join(" › ", hit.HeadingPath)
        : null;
}
