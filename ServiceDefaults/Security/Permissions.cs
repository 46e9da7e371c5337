namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// The one table of who may do what, used by the Gateway for each endpoint and by the services for each RPC.
/// Deny by default: a permission not listed here is held by nobody.
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<Permission, (string[] Roles, string? Scope)> Table = new()
    {
        [Permission.Identify] = ([], null),
        [Permission.Bootstrap] = ([Roles.Bootstrap], null),
        [Permission.ManageTenants] = ([Roles.Operator], Scopes.Admin),
        [Permission.ReadTenant] = ([Roles.Owner, Roles.Admin, Roles.Builder, Roles.Approver, Roles.Editor, Roles.Member], null),
        [Permission.ManageIdentityProviders] = ([Roles.Owner], Scopes.Admin),
        [Permission.AssignRoles] = ([Roles.Owner], Scopes.Admin),
        [Permission.ManageUsers] = ([Roles.Owner, Roles.Admin], Scopes.Admin),
        [Permission.ManageGroups] = ([Roles.Owner, Roles.Admin], Scopes.Admin),
        [Permission.ManageKeys] = ([Roles.Owner, Roles.Admin], Scopes.Admin),
        [Permission.ManagePolicies] = ([Roles.Owner, Roles.Admin], Scopes.Admin),
        [Permission.ReadApps] = ([Roles.Owner, Roles.Admin, Roles.Builder], Scopes.Admin),
        [Permission.ManageApps] = ([Roles.Builder], Scopes.Admin),
        [Permission.GrantApps] = ([Roles.Owner, Roles.Admin], Scopes.Admin),
        [Permission.ReadAudit] = ([Roles.Owner, Roles.Admin], Scopes.Admin),
        [Permission.PurgeAudit] = ([Roles.Owner], Scopes.Admin),
        [Permission.Query] = ([], Scopes.Query),
        [Permission.Ingest] = ([Roles.Editor], Scopes.Ingest),
        [Permission.Approve] = ([Roles.Approver], Scopes.Ingest),
    };

    /// <summary>
    /// Whether the caller holds <paramref name="permission"/> tenant-wide or, for roles scoped to a knowledge base,
    /// for <paramref name="resourceScope"/>. Permissions without roles (query) are decided by scope here and by the
    /// app's grants where the app is known.
    /// </summary>
    public static bool Allows(CallerPrincipal caller, Permission permission, string? resourceScope = null)
    {
        if (!Table.TryGetValue(permission, out var rule))
        {
            return false;
        }

        if (rule.Scope is not null && !caller.HasScope(rule.Scope))
        {
            return false;
        }

        return rule.Roles.Length == 0
            || rule.Roles.Any(role => caller.HasRole(role) || (resourceScope is not null && caller.HasRole(Roles.Scoped(role, resourceScope))));
    }
}
