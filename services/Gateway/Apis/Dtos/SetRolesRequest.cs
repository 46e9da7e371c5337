namespace SecureRag.Gateway.Apis.Dtos;

public sealed record SetRolesRequest(IReadOnlyList<RoleDto> Roles);
