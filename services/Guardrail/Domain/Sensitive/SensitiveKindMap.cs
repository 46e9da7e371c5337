using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>Rule ids, scanner kinds and redaction labels of personal data and secrets.</summary>
public static class SensitiveKindMap
{
    private static readonly (string RuleId, SensitiveKinds Kind, string Label)[] Entries =
    [
        (RuleIds.Email, SensitiveKinds.Email, "EMAIL"),
        (RuleIds.Phone, SensitiveKinds.Phone, "PHONE"),
        (RuleIds.Card, SensitiveKinds.Card, "CARD"),
        (RuleIds.Iban, SensitiveKinds.Iban, "IBAN"),
        (RuleIds.Ssn, SensitiveKinds.Ssn, "SSN"),
        (RuleIds.MyNumber, SensitiveKinds.MyNumber, "MY_NUMBER"),
        (RuleIds.IpAddress, SensitiveKinds.IpAddress, "IP"),
        (RuleIds.ApiKey, SensitiveKinds.ApiKey, "API_KEY"),
        (RuleIds.PrivateKey, SensitiveKinds.PrivateKey, "PRIVATE_KEY"),
        (RuleIds.Token, SensitiveKinds.Token, "TOKEN"),
    ];

    // Declared after Entries: static initialisers run in textual order.
    private static readonly Dictionary<string, string> Markers = Entries.ToDictionary(e => e.RuleId, e => $"[REDACTED:{e.Label}]");

    /// <summary>What a redacted span of the rule is replaced with: <c>[REDACTED:KIND]</c>.</summary>
    public static string Marker(string ruleId) => Markers[ruleId];

    /// <summary>The kinds a rail's policy needs scanned: those whose rule does something other than allow.</summary>
    public static SensitiveKinds Enabled(RailPolicy policy)
    {
        var kinds = SensitiveKinds.None;
        foreach (var (ruleId, kind, _) in Entries)
        {
            if (policy.Rules.TryGetValue(ruleId, out var setting) && setting.Action != GuardAction.Allow)
            {
                kinds |= kind;
            }
        }

        return kinds;
    }
}
