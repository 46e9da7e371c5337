namespace SecureRag.ServiceDefaults.Security;

/// <summary>What an endpoint or RPC needs. <see cref="Permissions"/> says who holds each.</summary>
public enum Permission
{
    /// <summary>Any valid credential: who am I.</summary>
    Identify,
    Bootstrap,
    ManageTenants,
    ReadTenant,
    ManageIdentityProviders,
    AssignRoles,
    ManageUsers,
    ManageGroups,
    ManageKeys,
    ManagePolicies,
    ReadApps,
    ManageApps,
    GrantApps,
    ReadAudit,
    PurgeAudit,
    Query,
    Ingest,
    Approve,
}
