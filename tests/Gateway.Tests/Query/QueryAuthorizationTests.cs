using SecureRag.Gateway.Query;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Tests.Query;

public sealed class QueryAuthorizationTests
{
    private static readonly AppSettings App = new("app-1", "tenant-1", "handbook", "prompt", ["handbook"], "extractive", "internal",
        new HashSet<string>(["user:granted", "group:finance"], StringComparer.Ordinal), 0, "hashed");

    [Theory]
    [InlineData(PrincipalKind.ApiKey, "key-1", "app-1", new string[0], new string[0], true)]
    [InlineData(PrincipalKind.ApiKey, "key-2", "app-2", new string[0], new string[0], false)]
    [InlineData(PrincipalKind.ApiKey, "key-3", null, new string[0], new string[0], false)]
    [InlineData(PrincipalKind.User, "granted", null, new string[0], new string[0], true)]
    [InlineData(PrincipalKind.User, "member", null, new[] { "finance" }, new string[0], true)]
    [InlineData(PrincipalKind.User, "stranger", null, new[] { "sales" }, new string[0], false)]
    [InlineData(PrincipalKind.User, "stranger", "app-1", new string[0], new string[0], false)]
    [InlineData(PrincipalKind.User, "granted", "app-2", new string[0], new string[0], false)]
    [InlineData(PrincipalKind.User, "builder", null, new string[0], new[] { "builder" }, true)]
    [InlineData(PrincipalKind.Service, "gateway", null, new string[0], new string[0], false)]
    public void OnlyTheAppsKeysAndGrantedUsersMayUseTheApp(PrincipalKind kind, string id, string? appId, string[] groups, string[] roles, bool allowed)
    {
        var caller = new CallerPrincipal("tenant-1", id, kind, groups, roles, appId, ["query"]);

        Assert.Equal(allowed, QueryAuthorization.MayUse(caller, App));
    }

    [Fact]
    public void AnotherTenantsCallerMayNotUseTheApp()
    {
        var caller = new CallerPrincipal("tenant-2", "key-1", PrincipalKind.ApiKey, [], [], "app-1", ["query"]);

        Assert.False(QueryAuthorization.MayUse(caller, App));
    }
}
