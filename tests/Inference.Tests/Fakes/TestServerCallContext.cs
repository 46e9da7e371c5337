using Grpc.Core;
using Microsoft.AspNetCore.Http;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Inference.Tests.Fakes;

/// <summary>A ServerCallContext for calling gRPC handlers directly, carrying a verified caller the way the interceptor does.</summary>
public sealed class TestServerCallContext(CancellationToken cancellationToken, CallerPrincipal? caller = null) : ServerCallContext
{
    public static readonly CallerPrincipal DefaultCaller = new(
        "tenant-1", "user-1", PrincipalKind.User, ["group-1"], ["member"], "app-1", ["query"]);

    private readonly Dictionary<object, object> _userState = CreateUserState(caller ?? DefaultCaller);

    protected override string MethodCore => "/securerag.inference.v1.Inference/Test";
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => cancellationToken;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore => new(null, []);
    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;

    private static Dictionary<object, object> CreateUserState(CallerPrincipal caller)
    {
        // The key the assertion interceptor stores the caller under is internal to ServiceDefaults.
        var key = (string)typeof(CallerContextExtensions)
            .GetField("CallerKey", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .GetValue(null)!;
        var http = new DefaultHttpContext();
        http.Items[key] = caller;
        return new Dictionary<object, object> { ["__HttpContext"] = http };
    }
}
