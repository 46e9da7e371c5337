namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>The context rail's verdicts in request order, and the overall decision (every finding of every chunk).</summary>
public sealed record ContextScan(RailDecision Decision, IReadOnlyList<ChunkVerdict> Chunks);
