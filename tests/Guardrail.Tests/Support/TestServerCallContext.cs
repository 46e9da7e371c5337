using Grpc.Core;
using Microsoft.AspNetCore.Http;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Guardrail.Tests.Support;

/// <summary>
/// A <see cref="ServerCallContext"/> for calling gRPC handlers directly, the way grpc-dotnet's own tests do: the
/// verified caller sits where the assertion interceptor puts it (the HTTP context's items).
/// </summary>
public sealed class TestServerCallContext : ServerCallContext
{
    // Mirrors CallerContextExtensions.CallerKey (internal to ServiceDefaults) and grpc-dotnet's "__HttpContext" key.
    private const string CallerKey = "securerag.caller";
    private const string HttpContextKey = "__HttpContext";

    private readonly Dictionary<object, object> _userState = [];
    private readonly Metadata _requestHeaders = [];
    private readonly Metadata _responseTrailers = [];

    public TestServerCallContext(CallerPrincipal? caller, CancellationToken cancellationToken = default)
    {
        var http = new DefaultHttpContext();
        if (caller is not null)
        {
            http.Items[CallerKey] = caller;
        }

        _userState[HttpContextKey] = http;
        CancellationTokenCore = cancellationToken;
    }

    protected override string MethodCore => "/test";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:5000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore { get; }

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
