using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Whether a caller may use an app. An app's own key may; a key or user token of another app may not. A user (alone
/// or through the app's key) needs a grant of the app to them or one of their groups, or a role that builds or
/// administers apps. Deny by default: an app without grants serves only its own keys and its builders.
/// </summary>
public static class QueryAuthorization
{
    private static readonly string[] AppRoles = [Roles.Owner, Roles.Admin, Roles.Builder];

    public static bool MayUse(CallerPrincipal caller, AppSettings app)
    {
        if (caller.TenantId != app.TenantId)
        {
            return false;
        }

        if (caller.AppId is { } own && own != app.Id)
        {
            return false;
        }

        return caller.Kind switch
        {
            PrincipalKind.ApiKey => caller.AppId == app.Id,
            PrincipalKind.User => AppRoles.Any(caller.HasRole)
                || app.Grants.Contains($"user:{caller.PrincipalId}")
                || caller.GroupIds.Any(g => app.Grants.Contains($"group:{g}")),
            _ => false,
        };
    }

    /// <summary>The refusal for a caller that may not use the app; the same for an app that does not exist, so ids cannot be probed.</summary>
    public static QueryRefusedException NotPermitted() =>
        new(StatusCodes.Status403Forbidden, QueryReasons.AppNotPermitted, "This credential may not use the app.");

    public static GatewayCaller RequireCaller(HttpContext context) =>
        context.GetCaller() ?? throw new InvalidOperationException("The query endpoints require an authenticated caller.");
}
