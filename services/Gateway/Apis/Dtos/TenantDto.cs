namespace SecureRag.Gateway.Apis.Dtos;

public sealed record TenantDto(string Id, string Name, IReadOnlyList<IdentityProviderDto> IdentityProviders, DateTimeOffset? CreatedAt);
