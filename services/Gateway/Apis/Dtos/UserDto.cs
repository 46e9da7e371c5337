namespace SecureRag.Gateway.Apis.Dtos;

public sealed record UserDto(
    string Id,
    string Email,
    string DisplayName,
    string? Issuer,
    string? Subject,
    IReadOnlyList<RoleDto> Roles,
    IReadOnlyList<string> GroupIds,
    bool Disabled);
