using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Inference.Tests.Fakes;

/// <summary>Verified callers as the assertion interceptor would present them.</summary>
public static class Callers
{
    public static readonly CallerPrincipal Member = new("tenant-1", "user-1", PrincipalKind.User, ["group-1"], ["member"], "app-1", ["query"]);
}
