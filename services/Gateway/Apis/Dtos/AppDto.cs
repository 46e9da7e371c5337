namespace SecureRag.Gateway.Apis.Dtos;

public sealed record AppDto(string Id, AppSpecDto Spec, int Version, IReadOnlyList<GrantDto> Grants, DateTimeOffset? UpdatedAt);
