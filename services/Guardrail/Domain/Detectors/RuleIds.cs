namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>The stable rule ids findings carry and policies configure.</summary>
public static class RuleIds
{
    public const string InputLength = "input.length";
    public const string Override = "injection.override";
    public const string Extraction = "injection.extraction";
    public const string RolePlay = "injection.roleplay";
    public const string Jailbreak = "injection.jailbreak";
    public const string Delimiter = "injection.delimiter";
    public const string Indirect = "injection.indirect";
    public const string Classifier = "injection.classifier";
    public const string Invisible = "obfuscation.invisible";
    public const string Encoded = "obfuscation.encoded";
    public const string Spacing = "obfuscation.spacing";
    public const string HomoglyphWords = "obfuscation.homoglyphs";
    public const string TopicScope = "topic.scope";
    public const string Email = "pii.email";
    public const string Phone = "pii.phone";
    public const string Card = "pii.card";
    public const string Iban = "pii.iban";
    public const string Ssn = "pii.ssn";
    public const string MyNumber = "pii.mynumber";
    public const string IpAddress = "pii.ip";
    public const string ApiKey = "secret.api_key";
    public const string PrivateKey = "secret.private_key";
    public const string Token = "secret.token";
    public const string Canary = "leak.canary";
    public const string SystemPrompt = "leak.system_prompt";
    public const string Ungrounded = "grounding.unsupported";
}
