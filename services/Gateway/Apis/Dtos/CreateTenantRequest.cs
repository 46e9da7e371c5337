namespace SecureRag.Gateway.Apis.Dtos;

public sealed record CreateTenantRequest(string Name);
