namespace SecureRag.Retrieval.Bench;

/// <summary>nDCG@k with linear gains (trec_eval's ndcg_cut) and recall@k.</summary>
public static class Metrics
{
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judged, int k)
    {
        var dcg = ranking.Take(k).Select((d, i) => judged.GetValueOrDefault(d) / Math.Log2(i + 2)).Sum();
        var ideal = judged.Values.OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal > 0 ? dcg / ideal : 0;
    }

    public static double Recall(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judged, int k) =>
        judged.Count == 0 ? 0 : ranking.Take(k).Count(judged.ContainsKey) / (double)judged.Count;
}
