namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>A new tenant and its first owner's key (the secret is shown once).</summary>
public sealed record CreatedTenantDto(TenantDto Tenant, CreatedApiKeyDto OwnerKey);
