using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Security;

/// <summary>Endpoint metadata: the permission an endpoint needs. Endpoints without it are anonymous (health, docs).</summary>
public sealed record PermissionRequirement(Permission Permission);
