using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Guardrail.Tests.Support;

/// <summary>Verified callers as the assertion interceptor would present them.</summary>
public static class Callers
{
    public static CallerPrincipal Member(string tenant = "tenant-a", string? app = "app-1") =>
        new(tenant, "user-1", PrincipalKind.User, [], ["member"], app, ["query"]);

    public static CallerPrincipal Builder(string tenant = "tenant-a") =>
        new(tenant, "user-2", PrincipalKind.User, [], ["builder"], null, ["admin"]);

    public static CallerPrincipal Service(string tenant = "tenant-a") =>
        new(tenant, "ingestion", PrincipalKind.Service, [], [], null, [], "user-3");
}
