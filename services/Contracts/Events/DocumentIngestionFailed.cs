namespace SecureRag.Contracts.Events;

/// <summary>An ingestion job failed for good (until re-queued): nothing of the version was indexed.</summary>
/// <param name="Code">A stable code, e.g. <c>document.corrupt</c> or <c>guardrail.invalid_argument</c>.</param>
public sealed record DocumentIngestionFailed(
    string TenantId,
    string KnowledgeBaseId,
    string DocumentId,
    long Version,
    string JobId,
    string Code,
    string Reason) : IntegrationEvent;
