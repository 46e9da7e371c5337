using Grpc.Core;
using Microsoft.AspNetCore.Http;
using SecureRag.ServiceDefaults.Security;
using Xunit;

namespace SecureRag.TestSupport;

/// <summary>
/// A server call as the assertion interceptor leaves it, for calling gRPC handlers directly the way grpc-dotnet's own
/// tests do: the verified caller, if any, in the request's items under the key
/// <see cref="CallerContextExtensions.GetCaller"/> reads.
/// </summary>
public sealed class TestCallContext : ServerCallContext
{
    // Mirrors CallerContextExtensions.CallerKey (internal to ServiceDefaults) and grpc-dotnet's "__HttpContext" key.
    private const string CallerKey = "securerag.caller";
    private const string HttpContextKey = "__HttpContext";

    private readonly Dictionary<object, object> _userState;

    public TestCallContext(CallerPrincipal? caller, CancellationToken cancellationToken = default)
    {
        var http = new DefaultHttpContext();
        if (caller is not null)
        {
            http.Items[CallerKey] = caller;
        }

        _userState = new Dictionary<object, object> { [HttpContextKey] = http };
        CancellationTokenCore = cancellationToken;
    }

    /// <summary>
    /// A signed-in user of <paramref name="tenant"/> calling within the current test: users hold every scope, their
    /// roles decide.
    /// </summary>
    public static TestCallContext ForUser(string tenant, string principal, params string[] roles) =>
        new(new CallerPrincipal(tenant, principal, PrincipalKind.User, [], roles, null, Scopes.All), TestContext.Current.CancellationToken);

    protected override string MethodCore => "/test";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:5000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore { get; }

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
