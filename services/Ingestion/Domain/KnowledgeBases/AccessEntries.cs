using System.Text.RegularExpressions;

namespace SecureRag.Ingestion.Domain.KnowledgeBases;

/// <summary>
/// Access-list entries in the index's format: <c>user:&lt;id&gt;</c>, <c>group:&lt;id&gt;</c>, <c>app:&lt;id&gt;</c> or
/// <c>tenant:*</c>. A document's list may only hold entries of its knowledge base's list (anything when that holds
/// <c>tenant:*</c>), so it can narrow the knowledge base's readers, never widen them.
/// </summary>
public static partial class AccessEntries
{
    public const string Everyone = "tenant:*";
    public const int MaxEntries = 1_000;

    /// <returns>The entries, trimmed and de-duplicated in order, or the first problem.</returns>
    public static (IReadOnlyList<string> Entries, string? Error) Validate(IEnumerable<string> entries)
    {
        var result = new List<string>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (!Pattern().IsMatch(entry))
            {
                return ([], $"'{Shorten(entry)}' is not an access entry (user:<id>, group:<id>, app:<id> or tenant:*).");
            }

            if (!result.Contains(entry, StringComparer.Ordinal))
            {
                result.Add(entry);
            }
        }

        return result.Count > MaxEntries ? ([], $"At most {MaxEntries} entries.") : (result, null);
    }

    /// <summary>The entries of <paramref name="document"/> that <paramref name="knowledgeBase"/>'s list does not allow.</summary>
    public static IReadOnlyList<string> Wider(IReadOnlyList<string> document, IReadOnlyList<string> knowledgeBase) =>
        knowledgeBase.Contains(Everyone, StringComparer.Ordinal)
            ? []
            : [.. document.Where(e => !knowledgeBase.Contains(e, StringComparer.Ordinal))];

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^(?:(?:user|group|app):[A-Za-z0-9._@:\-]{1,200}|tenant:\*)$")]
    private static partial Regex Pattern();
}
