namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>
/// Finds personal data and secrets of the requested kinds and resolves overlaps: where two findings overlap, the
/// more specific one (lower priority number) wins, so a card number is not also a phone number and a JWT is not
/// also a high-entropy string.
/// </summary>
public sealed class SensitiveDataScanner
{
    public IReadOnlyList<SensitiveSpan> Scan(string text, SensitiveKinds kinds)
    {
        if (kinds == SensitiveKinds.None || text.Length == 0)
        {
            return [];
        }

        var candidates = new List<SensitiveSpan>();
        SecretFinder.Find(text, kinds, candidates);
        PersonalDataFinder.Find(text, kinds, candidates);
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        candidates.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Start.CompareTo(b.Start));
        var accepted = new List<SensitiveSpan>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!accepted.Exists(a => a.Start < candidate.End && candidate.Start < a.End))
            {
                accepted.Add(candidate);
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }
}
