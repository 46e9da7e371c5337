using SecureRag.Guardrail.Domain.Auditing;

namespace SecureRag.Bench.GuardrailGrpc;

/// <summary>Drops decision records: the benchmark measures the scan round trip, not the outbox write.</summary>
public sealed class DiscardingAuditor : IDecisionAuditor
{
    public Task RecordAsync(DecisionRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
