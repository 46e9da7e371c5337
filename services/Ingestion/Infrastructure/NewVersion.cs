namespace SecureRag.Ingestion.Infrastructure;

/// <summary>An upload that passed every check, ready to be stored as a document version.</summary>
public sealed record NewVersion(
    string TenantId,
    KnowledgeBaseRow KnowledgeBase,
    Guid? DocumentId,
    string FileName,
    string ContentType,
    string Format,
    long SizeBytes,
    string ContentHash,
    string? Title,
    string? Source,
    IReadOnlyList<string>? Tags,
    string? Author,
    DateTime? EffectiveDate,
    IReadOnlyList<string>? Access,
    string UploadedBy);
