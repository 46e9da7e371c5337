using Grpc.Core;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>Throw helpers for RPC handlers that check the verified caller.</summary>
public static class CallerGuard
{
    /// <summary>The caller, refused with PERMISSION_DENIED unless it holds <paramref name="permission"/>.</summary>
    public static CallerPrincipal Require(this ServerCallContext context, Permission permission, string? resourceScope = null)
    {
        var caller = context.GetCaller();
        if (!Permissions.Allows(caller, permission, resourceScope))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"The caller may not {permission}."));
        }

        return caller;
    }

    /// <summary>The calling service, refused unless it is one of <paramref name="services"/>.</summary>
    public static CallerPrincipal RequireService(this ServerCallContext context, params string[] services)
    {
        var caller = context.GetCaller();
        if (caller.Kind != PrincipalKind.Service || !services.Contains(caller.PrincipalId, StringComparer.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Only the platform's own services may call this."));
        }

        return caller;
    }
}
