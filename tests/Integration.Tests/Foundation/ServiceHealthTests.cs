using Grpc.Health.V1;
using SecureRag.Hosting.Testing;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Foundation;

public sealed class ServiceHealthTests(PlatformFixture platform)
{
    public static TheoryData<string> Services => ["gateway", "auth", "audit", "ingestion", "retrieval", "guardrail", "inference"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EveryServiceIsReadyOverHttpAndGrpcHealth(string service)
    {
        using var http = platform.App.CreateHttpClient(service);
        using var health = await http.GetAsync("/health", TestContext.Current.CancellationToken);
        using var alive = await http.GetAsync("/alive", TestContext.Current.CancellationToken);

        var grpc = new Health.HealthClient(platform.App.CreateGrpcChannel(service));
        var check = await grpc.CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
    }
}
