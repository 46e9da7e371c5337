using Grpc.Core;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Audit.Grpc;

/// <summary>Who may read the audit trail: a tenant's admins and owners, and only their own tenant's records.</summary>
public static class AuditRoles
{
    public const string Admin = "admin";
    public const string Owner = "owner";

    public static CallerPrincipal RequireReader(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return caller.HasRole(Admin) || caller.HasRole(Owner)
            ? caller
            : throw AuditErrors.PermissionDenied("Reading the audit trail needs the role admin or owner.");
    }

    public static CallerPrincipal RequireOwner(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return caller.HasRole(Owner)
            ? caller
            : throw AuditErrors.PermissionDenied("Purging the audit trail needs the role owner.");
    }
}
