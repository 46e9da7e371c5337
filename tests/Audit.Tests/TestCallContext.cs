using Grpc.Core;
using Microsoft.AspNetCore.Http;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Audit.Tests;

/// <summary>
/// A server call as the assertion interceptor leaves it: the verified caller in the request's items. The key is the
/// one <see cref="CallerContextExtensions.GetCaller"/> reads.
/// </summary>
public sealed class TestCallContext : ServerCallContext
{
    private const string CallerKey = "securerag.caller";
    private const string HttpContextKey = "__HttpContext";

    private readonly Dictionary<object, object> _userState;

    public TestCallContext(CallerPrincipal caller)
    {
        var http = new DefaultHttpContext();
        http.Items[CallerKey] = caller;
        _userState = new Dictionary<object, object> { [HttpContextKey] = http };
    }

    /// <summary>A signed-in user of <paramref name="tenant"/>: users hold every scope, their roles decide.</summary>
    public static TestCallContext For(string tenant, params string[] roles) =>
        new(new CallerPrincipal(tenant, $"user-of-{tenant}", PrincipalKind.User, [], roles, null, Scopes.All));

    protected override string MethodCore => "/securerag.audit.v1.AuditLog/Test";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:5000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => TestContext.Current.CancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
