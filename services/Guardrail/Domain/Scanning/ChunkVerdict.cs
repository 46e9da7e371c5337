using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>One chunk's decision, what to do with it, its redacted text if any, and its classifier score.</summary>
public sealed record ChunkVerdict(string ChunkId, RailDecision Decision, ChunkDisposition Disposition, string? RedactedText, double InjectionScore);
