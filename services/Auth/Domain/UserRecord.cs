namespace SecureRag.Auth.Domain;

public sealed record UserRecord(
    Guid Id,
    Guid TenantId,
    string Email,
    string DisplayName,
    string? Issuer,
    string? Subject,
    bool Disabled,
    bool PlatformOperator);
