namespace SecureRag.Contracts.Events;

/// <summary>
/// A document version was stored and its ingestion job created (in the same transaction). Ingestion consumes it to run
/// the job; the job id is the business identity, so a redelivery runs nothing twice.
/// </summary>
/// <param name="UploadedBy">The principal the background work acts for (service assertions name it as on-behalf-of).</param>
/// <param name="ContentHash">Hex SHA-256 of the original file.</param>
public sealed record DocumentUploaded(
    string TenantId,
    string KnowledgeBaseId,
    string DocumentId,
    long Version,
    string JobId,
    string ContentHash,
    string UploadedBy) : IntegrationEvent;
