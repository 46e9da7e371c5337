using System.Globalization;
using System.Text.Json;

namespace SecureRag.Retrieval.Bench;

/// <summary>A test collection in the shared format: docs.jsonl, queries.jsonl, qrels.tsv and an optional exclude.tsv.</summary>
public sealed record Collection(
    IReadOnlyList<(string Id, string Title, string Text)> Documents,
    IReadOnlyList<(string Id, string Text)> Queries,
    IReadOnlyDictionary<string, Dictionary<string, int>> Judgements,
    IReadOnlyDictionary<string, HashSet<string>> Excluded)
{
    public static Collection Load(string folder)
    {
        var documents = File.ReadLines(Path.Combine(folder, "docs.jsonl")).Where(l => l.Length > 0).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            var root = json.RootElement;
            return (Value(root, "id"), Value(root, "title"), Value(root, "text"));
        }).ToList();
        var queries = File.ReadLines(Path.Combine(folder, "queries.jsonl")).Where(l => l.Length > 0).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            return (Value(json.RootElement, "id"), Value(json.RootElement, "text"));
        }).ToList();
        var judgements = new Dictionary<string, Dictionary<string, int>>();
        foreach (var fields in Rows(Path.Combine(folder, "qrels.tsv")))
        {
            var relevance = int.Parse(fields[2], CultureInfo.InvariantCulture);
            if (relevance > 0)
            {
                (judgements.TryGetValue(fields[0], out var d) ? d : judgements[fields[0]] = [])[fields[1]] = relevance;
            }
        }

        var excluded = new Dictionary<string, HashSet<string>>();
        var excludePath = Path.Combine(folder, "exclude.tsv");
        if (File.Exists(excludePath))
        {
            foreach (var fields in Rows(excludePath))
            {
                (excluded.TryGetValue(fields[0], out var s) ? s : excluded[fields[0]] = []).Add(fields[1]);
            }
        }

        return new Collection(documents, queries, judgements, excluded);
    }

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Select(l => l.Split('\t')).Where(f => f.Length >= 2 && f[0].Length > 0);

    private static string Value(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString() : "";
}
