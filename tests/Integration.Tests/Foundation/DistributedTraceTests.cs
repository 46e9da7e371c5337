using System.Net;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Foundation;

public sealed class DistributedTraceTests(PlatformFixture platform)
{
    [Fact]
    public async Task GatewayReachesAuthOverGrpcThroughServiceDiscoveryInOneTrace()
    {
        var tenant = await platform.Client.CreateTenantAsync("trace-grpc");
        using var gateway = platform.Client.Gateway(tenant.OwnerKey);

        using var response = await gateway.GetAsync("/v1/tenants/current", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The Gateway's server span is the root; Auth's server span for the RPC must sit in the same trace.
        var spans = await platform.App.Telemetry.WaitForSpansAsync(
            all => all.Any(s => s.ServiceName == "auth" && s.Name.Contains("GetTenant", StringComparison.Ordinal)
                && all.Any(g => g.TraceId == s.TraceId && g.ServiceName == "gateway" && g.Name.Contains("/v1/tenants/current", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var rpc = spans.Last(s => s.ServiceName == "auth" && s.Name.Contains("GetTenant", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.TraceId == rpc.TraceId && s.ServiceName == "gateway" && s.Kind == System.Diagnostics.ActivityKind.Client);
    }

    [Fact]
    public async Task OutboxEventIsConsumedByAnotherServiceInTheSameTrace()
    {
        var tenant = await platform.Client.CreateTenantAsync("trace-outbox");
        var (_, keyId) = await tenant.CreateKeyAsync(new { name = "to revoke", scopes = new[] { "query" } });

        // Revoking writes PrincipalsChanged through Auth's outbox; every Gateway replica consumes it.
        await tenant.Client.SendAsync(tenant.OwnerKey, HttpMethod.Delete, $"/v1/api-keys/{keyId}");

        // One trace holds the Gateway's request, Auth's RPC and the Gateway's consumption of the event.
        var spans = await platform.App.Telemetry.WaitForSpansAsync(
            all => all.Where(IsGatewayConsume).Any(c => InTrace(all, c.TraceId)),
            TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Contains(spans, s => IsGatewayConsume(s) && InTrace(spans, s.TraceId));
    }

    private static bool InTrace(IReadOnlyList<Hosting.Otlp.SpanRecord> all, string traceId) =>
        all.Any(s => s.TraceId == traceId && s.ServiceName == "auth" && s.Name.Contains("RevokeApiKey", StringComparison.Ordinal))
        && all.Any(s => s.TraceId == traceId && s.ServiceName == "gateway" && s.Kind == System.Diagnostics.ActivityKind.Server
            && s.Name.Contains("/v1/api-keys", StringComparison.Ordinal));

    private static bool IsGatewayConsume(Hosting.Otlp.SpanRecord span) =>
        span.ServiceName == "gateway" && span.Kind == System.Diagnostics.ActivityKind.Consumer
        && (span.Name.Contains("PrincipalsChanged", StringComparison.OrdinalIgnoreCase) || span.Name.Contains("principals-changed", StringComparison.OrdinalIgnoreCase));
}
