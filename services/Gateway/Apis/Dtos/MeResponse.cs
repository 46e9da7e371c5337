namespace SecureRag.Gateway.Apis.Dtos;

public sealed record MeResponse(
    string TenantId,
    string PrincipalId,
    string Kind,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Scopes,
    string? AppId,
    string? ApiKeyId);
