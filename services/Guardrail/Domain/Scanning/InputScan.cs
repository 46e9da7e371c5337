namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>The input rail's decision and, when something was redacted, the prompt to send on instead.</summary>
public sealed record InputScan(RailDecision Decision, string? RedactedPrompt);
