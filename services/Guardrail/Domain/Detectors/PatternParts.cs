namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>Building blocks shared by the pattern catalogues (they read the folded view: lower case, no accents).</summary>
internal static class PatternParts
{
    /// <summary>
    /// Not preceded by a negation ("don't forget the rules" is not an override). As the first part of a pattern it is
    /// checked in code (<see cref="IsNegated"/>), which keeps the pattern's leading literal searchable.
    /// </summary>
    public const string NotNegated = @"(?<!\bnot\s)(?<!\bnever\s)(?<!n't\s)(?<!\bdont\s)(?<!\bnicht\s)(?<!\bno\s)(?<!\bpas\s)";

    private static readonly string[] Negations = ["not ", "never ", "n't ", "dont ", "nicht ", "no ", "pas "];

    /// <summary>Whether the text just before <paramref name="index"/> is a negation word and a space.</summary>
    public static bool IsNegated(string text, int index)
    {
        var before = text.AsSpan(0, index);
        foreach (var negation in Negations)
        {
            if (before.EndsWith(negation, StringComparison.Ordinal))
            {
                var start = before.Length - negation.Length;
                var wordStart = (negation[0] == 'n' && negation[1] == '\'') || start == 0 || !char.IsLetter(before[start - 1]);
                if (wordStart)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every <paramref name="first"/> followed by every <paramref name="second"/>: precise trigger phrases.</summary>
    public static string[] Combine(string[] first, string[] second) =>
        [.. first.SelectMany(a => second.Select(b => a + b))];

    /// <summary>Up to <paramref name="words"/> filler words between two parts of a phrase.</summary>
    public static string Gap(int words) => $@"(?:\s+\S+){{0,{words}}}?\s+";
}
