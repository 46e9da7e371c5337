namespace SecureRag.Contracts.Events;

/// <summary>
/// Something that decides what a tenant's principals may do has changed (a key revoked, a role, group membership or
/// app grant changed). Every Gateway replica forgets the tenant's cached authentications.
/// </summary>
public sealed record PrincipalsChanged(string TenantId, string Reason) : IntegrationEvent;
