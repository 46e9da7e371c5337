using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.Ingestion.Infrastructure.Downstream;

namespace SecureRag.Ingestion.Tests.Storage;

/// <summary>Guardrail's context rail in miniature: blocks "ignore all previous instructions", redacts e-mail addresses.</summary>
public sealed class FakeScanner : IContextScanner
{
    public bool Unavailable { get; set; }

    public int Calls { get; private set; }

    /// <summary>Runs at the start of every scan (a test can cancel the job's token or throw here).</summary>
    public Action? BeforeScan { get; set; }

    public Task<IReadOnlyList<ChunkVerdict>> ScanAsync(Actor actor, IReadOnlyList<(string Id, string Text)> chunks, CancellationToken cancellationToken)
    {
        Calls++;
        BeforeScan?.Invoke();
        if (Unavailable)
        {
            throw new DependencyUnavailableException("guardrail", "Unavailable: connection refused");
        }

        return Task.FromResult<IReadOnlyList<ChunkVerdict>>([.. chunks.Select(c =>
            c.Text.Contains("ignore all previous instructions", StringComparison.OrdinalIgnoreCase)
                ? new ChunkVerdict(c.Id, ScanOutcome.Block, true, null, ["injection.override"])
                : c.Text.Contains("@example.com", StringComparison.Ordinal)
                    ? new ChunkVerdict(c.Id, ScanOutcome.Redact, false, c.Text.Replace("alice@example.com", "[REDACTED:EMAIL]", StringComparison.Ordinal), ["pii.email"])
                    : new ChunkVerdict(c.Id, ScanOutcome.Pass, false, null, []))]);
    }
}
