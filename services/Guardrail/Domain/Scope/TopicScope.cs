using SecureRag.Guardrail.Domain.Output;

namespace SecureRag.Guardrail.Domain.Scope;

/// <summary>
/// How far a prompt is from the app's allowed topics, lexically: 1 minus the best share of a topic phrase's content
/// words (six-character stems) that the prompt contains. 1 means no topic word at all. Coarse on purpose: it flags
/// prompts that share nothing with the topics and leaves judgement to the policy's threshold.
/// </summary>
public static class TopicScope
{
    public static double Distance(string foldedPrompt, IReadOnlyList<string> topics)
    {
        var prompt = ContentWords.Of(foldedPrompt).ToHashSet(StringComparer.Ordinal);
        var best = 0.0;
        foreach (var topic in topics)
        {
            var words = ContentWords.Of(Normalization.TextNormalizer.Normalize(topic).Folded);
            if (words.Count == 0)
            {
                continue;
            }

            best = Math.Max(best, (double)words.Count(prompt.Contains) / words.Count);
        }

        return 1 - best;
    }
}
