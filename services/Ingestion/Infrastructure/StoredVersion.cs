namespace SecureRag.Ingestion.Infrastructure;

/// <param name="Duplicate">The content was there already; nothing was stored and these are the existing ids.</param>
public sealed record StoredVersion(Guid DocumentId, long Version, Guid JobId, bool Duplicate);
