using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SecureRag.Inference.Extensions;
using SecureRag.Inference.Grpc;
using SecureRag.ServiceDefaults.Egress;
using SecureRag.ServiceDefaults.Security;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.Inference.Bench;

/// <summary>
/// The Inference gRPC service with its real registrations (embedded models only, no database) on a loopback HTTP/2
/// port. A middleware stands in for the assertion interceptor and sets a fixed caller.
/// </summary>
public static class BenchHost
{
    /// <param name="configuration">Extra configuration (a model registry, say).</param>
    /// <param name="resolver">DNS for the egress guard; the system's when null.</param>
    public static async Task<WebApplication> StartAsync(IDictionary<string, string?>? configuration = null, IHostAddressResolver? resolver = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ServiceTelemetry("SecureRag.Inference.Bench"));
        builder.Services.AddInferenceModels();
        builder.Services.AddSingleton(resolver ?? new SystemHostAddressResolver());

        var app = builder.Build();
        var callerKey = (string)typeof(CallerContextExtensions).GetField("CallerKey", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var caller = new CallerPrincipal("bench-tenant", "bench-user", PrincipalKind.User, [], ["member"], "bench-app", ["query"]);
        app.Use((context, next) =>
        {
            context.Items[callerKey] = caller;
            return next(context);
        });
        app.MapGrpcService<InferenceGrpcService>();
        await app.StartAsync();
        return app;
    }
}
