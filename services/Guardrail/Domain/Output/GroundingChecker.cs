using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Output;

/// <summary>
/// Marks answer sentences that no cited passage supports, lexically: a sentence is supported by a passage when
/// enough of its content words occur in it. Cheap and explainable; it catches invented facts and off-source filler,
/// not paraphrase that shares no words (a trade-off for running on every answer in microseconds). Sentences with
/// fewer than three content words (greetings, "Sure.") are not judged.
/// </summary>
public static class GroundingChecker
{
    private const int MinContentWords = 3;

    public static IReadOnlyList<SentenceSupport> Check(string answer, IReadOnlyList<CitedPassage> passages, double threshold)
    {
        if (passages.Count == 0)
        {
            return [];
        }

        var passageWords = passages
            .Select(p => (p.Id, Words: ContentWords.Of(TextNormalizer.Normalize(p.Text).Folded).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var results = new List<SentenceSupport>();
        foreach (var (start, length) in SentenceSplitter.Split(answer))
        {
            var words = ContentWords.Of(TextNormalizer.Normalize(answer.Substring(start, length)).Folded);
            if (words.Count < MinContentWords)
            {
                results.Add(new SentenceSupport(start, length, true, 1, null));
                continue;
            }

            var best = (Score: 0.0, Id: (string?)null);
            foreach (var (id, set) in passageWords)
            {
                var score = (double)words.Count(set.Contains) / words.Count;
                if (score > best.Score)
                {
                    best = (score, id);
                }
            }

            results.Add(new SentenceSupport(start, length, best.Score >= 1 - threshold, best.Score, best.Id));
        }

        return results;
    }
}
