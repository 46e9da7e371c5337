using System.Globalization;
using SecureRag.Retrieval.Domain.Analysis;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// Diagnostic, not the product path: BM25 variants in memory over whole documents with the service's analyzer, to
/// tell analysis differences from ranking-formula differences when comparing with reference figures.
/// </summary>
public static class LexicalVariants
{
    public static int Run(string folder)
    {
        var collection = Collection.Load(folder);
        var docs = collection.Documents.Select(d => (d.Id, Terms: TextAnalyzer.Analyze(d.Title + "\n" + d.Text, pairs: true))).ToList();
        var n = docs.Count;
        var avgdl = docs.Average(d => (double)d.Terms.Length);
        var df = docs.SelectMany(d => d.Terms.TermFrequencies.Keys).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var okapi = df.ToDictionary(p => p.Key, p => Math.Log((n - p.Value + 0.5) / (p.Value + 0.5)));
        var floor = 0.25 * okapi.Values.Average();
        _ = floor;
        foreach (var (name, idf) in new (string, Func<string, double>)[]
        {
            ("lucene", t => Math.Log(1 + ((n - df[t] + 0.5) / (df[t] + 0.5)))),
        })
        {
            foreach (var pairWeight in new[] { 0.0, 0.1, 0.2, 0.3, 0.5 })
            {
                const bool unique = false;
                double total = 0;
                var count = 0;
                foreach (var (id, text) in collection.Queries)
                {
                    if (!collection.Judgements.TryGetValue(id, out var judged))
                    {
                        continue;
                    }

                    var query = TextAnalyzer.Analyze(text, pairs: true).TermFrequencies.Where(t => df.ContainsKey(t.Key)).ToList();
                    var excluded = collection.Excluded.GetValueOrDefault(id) ?? [];
                    var ranking = docs.Where(d => !excluded.Contains(d.Id)).Select(d => (d.Id, Score: query.Sum(q =>
                    {
                        var tf = d.Terms.TermFrequencies.GetValueOrDefault(q.Key);
                        return tf == 0 ? 0 : (unique ? 1 : q.Value) * (q.Key.Contains(' ', StringComparison.Ordinal) ? pairWeight : 1) * idf(q.Key) * tf * 2.2 / (tf + (1.2 * (0.25 + (0.75 * d.Terms.Length / avgdl))));
                    }))).Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id).ToList();
                    total += Metrics.Ndcg(ranking, judged, 10);
                    count++;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idf={name} pair_weight={pairWeight}: nDCG@10={total / count:F4}"));
            }
        }

        return 0;
    }
}
