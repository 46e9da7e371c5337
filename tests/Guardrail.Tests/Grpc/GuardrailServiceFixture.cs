using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureRag.Guardrail.Grpc;
using SecureRag.Guardrail.Infrastructure;
using SecureRag.Guardrail.Tests.Support;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.Guardrail.Tests.Grpc;

/// <summary>The two gRPC services wired to in-memory policy storage and a recording auditor, handlers called directly.</summary>
public sealed class GuardrailServiceFixture : IDisposable
{
    private readonly ServiceTelemetry _telemetry = new("guardrail-tests");

    public GuardrailServiceFixture()
    {
        var options = Options.Create(new GuardrailOptions { PolicyCacheDuration = TimeSpan.Zero });
        Provider = new CachedPolicyProvider(Store, options, TimeProvider.System, NullLogger<CachedPolicyProvider>.Instance);
        Scanner = new GuardrailGrpcService(TestRails.Input, TestRails.Context, TestRails.Output, Provider, Auditor, new GuardrailMetrics(_telemetry), options);
        Policies = new GuardrailPolicyGrpcService(Store, Provider);
    }

    public InMemoryPolicyStore Store { get; } = new();

    public RecordingAuditor Auditor { get; } = new();

    public CachedPolicyProvider Provider { get; }

    public GuardrailGrpcService Scanner { get; }

    public GuardrailPolicyGrpcService Policies { get; }

    public void Dispose() => _telemetry.Dispose();
}
