namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>Which kinds of personal data and secrets to look for (the policy's non-allow rules).</summary>
[Flags]
public enum SensitiveKinds
{
    None = 0,
    Email = 1,
    Phone = 2,
    Card = 4,
    Iban = 8,
    Ssn = 16,
    MyNumber = 32,
    IpAddress = 64,
    ApiKey = 128,
    PrivateKey = 256,
    Token = 512,
    Personal = Email | Phone | Card | Iban | Ssn | MyNumber | IpAddress,
    Secrets = ApiKey | PrivateKey | Token,
    All = Personal | Secrets,
}
