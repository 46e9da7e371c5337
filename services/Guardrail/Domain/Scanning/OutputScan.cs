using SecureRag.Guardrail.Domain.Output;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>The output rail's decision, the redacted answer if anything was redacted, and per-sentence grounding.</summary>
public sealed record OutputScan(RailDecision Decision, string? RedactedText, IReadOnlyList<SentenceSupport> Sentences);
