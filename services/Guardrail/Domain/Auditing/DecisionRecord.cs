using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scanning;

namespace SecureRag.Guardrail.Domain.Auditing;

/// <summary>A decision to audit: who asked, under which policy, what was decided, and the scanned text (kept only as the policy allows).</summary>
/// <param name="Source">Context rail: <c>retrieval</c> or <c>ingestion</c>; otherwise null.</param>
/// <param name="Subjects">Context rail: the ids of the chunks that were not allowed.</param>
public sealed record DecisionRecord(
    string TenantId,
    string ActorKind,
    string ActorId,
    string? OnBehalfOf,
    string? AppId,
    RailKind Rail,
    string? Source,
    RailDecision Decision,
    string DecisionId,
    int PolicyVersion,
    string Text,
    AuditTextMode TextMode,
    IReadOnlyList<string>? Subjects = null);
