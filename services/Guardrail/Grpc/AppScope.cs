using System.Text.RegularExpressions;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Guardrail.Grpc;

/// <summary>
/// Which app's policy applies: the request's app id, or else the app of the caller's assertion. A caller acting
/// through one app cannot name another.
/// </summary>
internal static partial class AppScope
{
    public static string ForScan(CallerPrincipal caller, string requested)
    {
        if (requested.Length == 0)
        {
            return caller.AppId ?? "";
        }

        Validate(requested);
        if (caller.AppId is { Length: > 0 } own && own != requested)
        {
            throw GuardrailErrors.PermissionDenied($"The caller acts for app '{own}' and cannot use the policy of app '{requested}'.");
        }

        return requested;
    }

    public static string ForPolicy(string requested)
    {
        if (requested.Length == 0)
        {
            throw GuardrailErrors.InvalidArgument("app_id is required.");
        }

        Validate(requested);
        return requested;
    }

    private static void Validate(string appId)
    {
        if (!AppIdPattern().IsMatch(appId))
        {
            throw GuardrailErrors.InvalidArgument("app_id must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    private static partial Regex AppIdPattern();
}
