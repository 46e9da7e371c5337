using System.Text.RegularExpressions;

namespace SecureRag.Inference.Domain;

/// <summary>The passages an answer cites with <c>[id]</c>, in order of first citation; markers of unknown ids are ignored.</summary>
public static partial class CitationFinder
{
    public static IReadOnlyList<Citation> Find(string text, IReadOnlyList<Passage> passages)
    {
        var byCite = passages.GroupBy(p => p.Cite, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var citations = new List<Citation>();
        foreach (Match match in Marker().Matches(text))
        {
            foreach (var id in match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (byCite.TryGetValue(id, out var passage) && citations.All(c => c.PassageId != passage.Id))
                {
                    citations.Add(new Citation(passage.Cite, passage.Id));
                }
            }
        }

        return citations;
    }

    [GeneratedRegex(@"\[([^\[\]\r\n]{1,64})\]")]
    private static partial Regex Marker();
}
