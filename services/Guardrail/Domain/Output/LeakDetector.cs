using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Output;

/// <summary>
/// System-prompt leakage: the request's canary token in the answer (also when spaced out or obfuscated), and long
/// verbatim runs of the system prompt (score: the longest shared run of words over 20, capped at 1).
/// </summary>
public static class LeakDetector
{
    private const int Shingle = 5;
    private const double RunForCertainty = 20;

    public static void Detect(NormalizedText answer, string? canary, string? systemPrompt, DetectionSet into)
    {
        if (!string.IsNullOrWhiteSpace(canary))
        {
            var token = TextNormalizer.Normalize(canary);
            var compact = Compact(canary);
            if (answer.Original.Contains(canary, StringComparison.OrdinalIgnoreCase)
                || (compact.Length >= 6 && Compact(answer.Original).Contains(compact, StringComparison.Ordinal))
                || (token.Squashed.Length >= 6 && answer.Squashed.Contains(token.Squashed, StringComparison.Ordinal))
                || answer.Decoded.Any(d => d.Text.Squashed.Contains(token.Squashed, StringComparison.Ordinal)))
            {
                into.Add(new Detection(RuleIds.Canary, 1, "The answer contains the request's canary token"));
            }
        }

        if (!string.IsNullOrWhiteSpace(systemPrompt))
        {
            var run = LongestSharedRun(Words(TextNormalizer.Normalize(systemPrompt).Folded), Words(answer.Folded));
            if (run >= Shingle)
            {
                var score = Math.Min(1, run / RunForCertainty);
                into.Add(new Detection(RuleIds.SystemPrompt, score, $"The answer repeats {run} consecutive words of the system prompt"));
            }
        }
    }

    /// <summary>The longest run of consecutive words of <paramref name="answer"/> that also occurs in <paramref name="source"/>.</summary>
    private static int LongestSharedRun(string[] source, string[] answer)
    {
        if (source.Length < Shingle || answer.Length < Shingle)
        {
            return 0;
        }

        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + Shingle <= source.Length; i++)
        {
            shingles.Add(string.Join(' ', source, i, Shingle));
        }

        int longest = 0, current = 0;
        for (var i = 0; i + Shingle <= answer.Length; i++)
        {
            current = shingles.Contains(string.Join(' ', answer, i, Shingle)) ? (current == 0 ? Shingle : current + 1) : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>Lower-case letters and digits only: the canary spelled out with spaces, dashes or line breaks.</summary>
    private static string Compact(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private static string[] Words(string folded) =>
        folded.Split((char[])[' ', '\n', '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
}
