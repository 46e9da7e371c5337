namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>A validated document to store as the app's next version, and who saves it (for the audit event).</summary>
/// <param name="ExpectedVersion">The version the edit started from; null saves unconditionally.</param>
public sealed record PolicySave(
    string TenantId,
    string AppId,
    string Json,
    int? ExpectedVersion,
    string ActorKind,
    string ActorId,
    string? OnBehalfOf);
