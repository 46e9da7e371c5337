using SecureRag.Guardrail.Domain.Detectors;
using static SecureRag.Guardrail.Domain.Policies.GuardAction;

namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>
/// Every rule of every rail with its default action and threshold: the built-in default policy, and the list a
/// policy is validated against. Thresholds apply to each detector's score in [0, 1]; 0.5 is the classifiers'
/// calibrated operating point.
/// </summary>
public static class RuleCatalog
{
    private static readonly RuleDefinition[] Injection =
    [
        new(RuleIds.Override, Block, 0.5, false, "Asks the model to ignore or replace its instructions"),
        new(RuleIds.Extraction, Block, 0.5, false, "Asks the model to reveal its system prompt"),
        new(RuleIds.Jailbreak, Block, 0.5, false, "Jailbreak framings (DAN, developer mode, no restrictions)"),
        new(RuleIds.Delimiter, Block, 0.5, false, "Fake system messages, chat-template tokens, delimiter tricks"),
        new(RuleIds.RolePlay, Flag, 0.5, false, "Asks the model to take on another role or persona"),
        new(RuleIds.Classifier, Block, 0.5, false, "The trained classifier's injection score"),
        new(RuleIds.Invisible, Flag, 0.5, false, "Zero-width, bidirectional-control or tag characters inside words"),
        new(RuleIds.Encoded, Flag, 0.5, false, "Readable text hidden in base64, hex or escapes"),
        new(RuleIds.Spacing, Flag, 0.5, false, "A run of eight or more letters spaced apart (\"i g n o r e\")"),
        new(RuleIds.HomoglyphWords, Flag, 0.5, false, "Words mixing Latin and look-alike Cyrillic or Greek letters"),
    ];

    private static RuleDefinition[] Sensitive(GuardAction personal, GuardAction secrets) =>
    [
        new(RuleIds.Email, personal, 0.5, true, "E-mail addresses"),
        new(RuleIds.Phone, personal, 0.5, true, "Phone numbers"),
        new(RuleIds.Card, personal, 0.5, true, "Payment card numbers (Luhn-valid)"),
        new(RuleIds.Iban, personal, 0.5, true, "IBANs (mod-97-valid)"),
        new(RuleIds.Ssn, personal, 0.5, true, "US social security numbers"),
        new(RuleIds.MyNumber, personal, 0.5, true, "Japanese My Numbers (check digit valid)"),
        new(RuleIds.IpAddress, personal, 0.5, true, "IPv4 and IPv6 addresses"),
        new(RuleIds.ApiKey, secrets, 0.5, true, "API keys in known formats"),
        new(RuleIds.PrivateKey, secrets, 0.5, true, "Private keys (PEM)"),
        new(RuleIds.Token, secrets, 0.5, true, "Tokens: JWTs, credentials in assignments, high-entropy strings"),
    ];

    public static IReadOnlyList<RuleDefinition> Input { get; } =
    [
        new(RuleIds.InputLength, Block, 0.5, false, "Prompt longer than the policy's maxChars"),
        .. Injection,
        new(RuleIds.TopicScope, Flag, 0.9, false, "Prompt far from the app's allowed topics (only with topics set)"),
        .. Sensitive(Allow, Redact),
    ];

    public static IReadOnlyList<RuleDefinition> Context { get; } =
    [
        .. Injection,
        new(RuleIds.Indirect, Block, 0.5, false, "Document text that addresses the assistant or its answer"),
        .. Sensitive(Allow, Redact),
    ];

    public static IReadOnlyList<RuleDefinition> Output { get; } =
    [
        .. Sensitive(Redact, Redact),
        new(RuleIds.Canary, Block, 0.5, false, "The request's canary token appears in the answer"),
        new(RuleIds.SystemPrompt, Block, 0.5, false, "Long verbatim overlap with the system prompt (score: run length / 20 words)"),
        new(RuleIds.Ungrounded, Flag, 0.5, false, "Answer sentences no cited passage supports (score: 1 - support)"),
    ];

    public static IReadOnlyList<RuleDefinition> For(RailKind rail) => rail switch
    {
        RailKind.Input => Input,
        RailKind.Context => Context,
        _ => Output,
    };

    public static IReadOnlyDictionary<string, RuleSetting> Defaults(RailKind rail) =>
        For(rail).ToDictionary(r => r.Id, r => r.Default, StringComparer.Ordinal);
}
