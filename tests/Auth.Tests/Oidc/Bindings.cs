namespace SecureRag.Auth.Tests.Oidc;

/// <summary>Stand-ins for Auth's tenant bindings: which (issuer, audience) pairs a tenant accepts, and its groups claim.</summary>
public static class Bindings
{
    public static Func<string, string, CancellationToken, Task<string?>> Only(
        string issuer, string audience = TestRealm.Audience, string groupsClaim = "groups") =>
        (i, a, _) => Task.FromResult(i == issuer && a == audience ? groupsClaim : null);

    public static Func<string, string, CancellationToken, Task<string?>> None { get; } =
        (_, _, _) => Task.FromResult<string?>(null);
}
