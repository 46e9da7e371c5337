using System.Net.Http.Json;
using System.Runtime.Versioning;
using Grpc.Core;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Testing;

namespace SecureRag.Hosting.Tests;

/// <summary>Projects receive their configuration the way Aspire passes it, and nothing that is not theirs.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProjectConfigurationTests(ServersFixture fixture)
{
    private readonly DistributedApplication _app = fixture.App;

    [Fact]
    public void EveryPlannedPortLiesBelowTheKernelsEphemeralRangeSoNoOutgoingConnectionCanTakeIt()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0]);
        var ports = new List<int> { new Uri($"tcp://{_app.GetConnectionString("cache")!.Split(',')[0]}").Port, new Uri(_app.GetConnectionString("messaging")!).Port };
        for (var replica = 0; replica < 2; replica++)
        {
            ports.Add(_app.GetEndpoint("beta", "http", replica).Port);
            ports.Add(_app.GetEndpoint("beta", "grpc", replica).Port);
        }

        Assert.All(ports, port => Assert.InRange(port, 10_000, ephemeralStart - 1));
    }

    [Fact]
    public async Task ProjectReceivesConnectionStringsServiceEndpointsAndTelemetrySettingsTheAspireWay()
    {
        var environment = await EnvironmentOf("alpha", 0);

        Assert.Equal(_app.GetDatabaseConnectionString("alpha"), environment["ConnectionStrings__securerag"]);
        Assert.Matches("^Host=127.0.0.1;Port=[0-9]+;Database=securerag;Username=alpha;Password=[A-Za-z0-9]{32};Search Path=alpha$", environment["ConnectionStrings__securerag"]);
        Assert.Matches("^127.0.0.1:[0-9]+,password=[A-Za-z0-9]{32}$", environment["ConnectionStrings__cache"]);
        Assert.Equal(_app.GetConnectionString("cache"), environment["ConnectionStrings__cache"]);
        Assert.Matches("^amqp://[a-z]+:[A-Za-z0-9]{32}@127.0.0.1:[0-9]+/$", environment["ConnectionStrings__messaging"]);
        Assert.Equal(_app.GetConnectionString("messaging"), environment["ConnectionStrings__messaging"]);

        for (var replica = 0; replica < 2; replica++)
        {
            Assert.Equal(Authority(_app.GetEndpoint("beta", "http", replica)), environment[$"services__beta__http__{replica}"]);
            Assert.Equal(Authority(_app.GetEndpoint("beta", "grpc", replica)), environment[$"services__beta__grpc__{replica}"]);
        }

        Assert.False(environment.ContainsKey("services__beta__http__2"));
        // Only a project given WithHttpsEndpoint serves https.
        Assert.False(environment.ContainsKey("services__beta__https__0"));
        Assert.False(environment.ContainsKey("Kestrel__Endpoints__https__Url"));
        Assert.Equal("alpha", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=alpha-0", environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal(Authority(_app.OtlpEndpoint), environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("500", environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);
        Assert.Equal(Authority(_app.GetEndpoint("alpha")), environment["Kestrel__Endpoints__http__Url"]);
        Assert.Equal(Authority(_app.GetEndpoint("alpha", "grpc")), environment["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", environment["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.Equal("hello", environment["Alpha__Greeting"]);

        // The administrator's credentials never reach a service.
        Assert.False(environment.ContainsKey("ConnectionStrings__postgres"));
        Assert.DoesNotContain(environment.Values, v => v?.Contains(Password(_app.GetConnectionString("postgres")), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task EnvironmentCallbacksSeeGeneratedSecretsEndpointsAndTheDataDirectory()
    {
        var environment = await EnvironmentOf("alpha", 0);

        var secretFile = Path.Combine(_app.DataDirectory, "secrets", "alpha-secret");
        Assert.Matches("^[A-Za-z0-9]{32}$", environment["Alpha__Secret"]);
        Assert.Equal(File.ReadAllText(secretFile), environment["Alpha__Secret"]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        Assert.Equal(_app.GetEndpoint("beta", "grpc", 1).ToString(), environment["Alpha__BetaUrl"]);
        Assert.Equal($"alpha-0 {_app.DataDirectory}", environment["Alpha__Instance"]);
    }

    [Fact]
    public async Task EachReplicaRunsInItsOwnProcessWithItsOwnEndpointsAndInstanceId()
    {
        var snapshot = _app.ResourceNotifications.GetSnapshot("beta");
        Assert.Equal(["beta-0", "beta-1"], snapshot.Instances.Select(i => i.Name));
        Assert.All(snapshot.Instances, i => Assert.Equal(ResourceState.Healthy, i.State));
        Assert.NotEqual(snapshot.Instances[0].ProcessId, snapshot.Instances[1].ProcessId);

        var first = await EnvironmentOf("beta", 0);
        var second = await EnvironmentOf("beta", 1);
        Assert.Equal("service.instance.id=beta-0", first["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("service.instance.id=beta-1", second["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.NotEqual(first["Kestrel__Endpoints__http__Url"], second["Kestrel__Endpoints__http__Url"]);

        // Both replicas use the same role; beta references neither the cache nor the broker.
        Assert.Equal(first["ConnectionStrings__securerag"], second["ConnectionStrings__securerag"]);
        Assert.False(first.ContainsKey("ConnectionStrings__cache"));
        Assert.False(first.ContainsKey("ConnectionStrings__messaging"));
    }

    [Fact]
    public async Task GrpcEndpointSpeaksHttp2InCleartext()
    {
        using var channel = _app.CreateGrpcChannel("alpha");
        var method = new Method<byte[], byte[]>(MethodType.Unary, "probe.Nothing", "Call", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

        // The test service maps no gRPC service: an HTTP/2 server answers 404, which gRPC reports as Unimplemented.
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(cancellationToken: TestContext.Current.CancellationToken), []).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private async Task<Dictionary<string, string?>> EnvironmentOf(string resource, int replica)
    {
        using var client = new HttpClient { BaseAddress = _app.GetEndpoint(resource, "http", replica) };
        var environment = await client.GetFromJsonAsync<Dictionary<string, string?>>("/environment", TestContext.Current.CancellationToken);
        return environment ?? throw new InvalidOperationException("No environment.");
    }

    private static string Authority(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static string Password(string connectionString) =>
        connectionString.Split(';').Single(p => p.StartsWith("Password=", StringComparison.Ordinal))["Password=".Length..];
}
