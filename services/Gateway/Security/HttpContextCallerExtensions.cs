using Microsoft.AspNetCore.Http;

namespace SecureRag.Gateway.Security;

public static class HttpContextCallerExtensions
{
    private static readonly object CallerKey = new();

    /// <summary>The authenticated caller, or null before authentication or when it failed.</summary>
    public static GatewayCaller? GetCaller(this HttpContext context) =>
        context.Items.TryGetValue(CallerKey, out var caller) ? caller as GatewayCaller : null;

    public static void SetCaller(this HttpContext context, GatewayCaller caller) => context.Items[CallerKey] = caller;
}
