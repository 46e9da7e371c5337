namespace SecureRag.Auth.Domain;

/// <summary>A tenant's trust in one (issuer, audience) pair of an identity provider the operator allows.</summary>
public sealed record IdentityBinding(string Issuer, string Audience, Guid TenantId, string GroupsClaim);
