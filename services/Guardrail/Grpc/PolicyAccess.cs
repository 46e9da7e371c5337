using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Guardrail.Grpc;

/// <summary>
/// Who may read and change policies: owners, admins and builders of the tenant; services may read (the Gateway's
/// admin API checks the same permissions first; this is defence in depth).
/// </summary>
internal static class PolicyAccess
{
    private static readonly string[] EditorRoles = ["owner", "admin", "builder"];

    public static void RequireRead(CallerPrincipal caller)
    {
        if (caller.Kind != PrincipalKind.Service && !EditorRoles.Any(caller.HasRole))
        {
            throw GuardrailErrors.PermissionDenied("Reading guardrail policies needs the owner, admin or builder role.");
        }
    }

    public static void RequireWrite(CallerPrincipal caller)
    {
        if (!EditorRoles.Any(caller.HasRole))
        {
            throw GuardrailErrors.PermissionDenied("Changing guardrail policies needs the owner, admin or builder role.");
        }
    }
}
