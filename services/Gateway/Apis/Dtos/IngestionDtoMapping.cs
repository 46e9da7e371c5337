using SecureRag.Contracts.Ingestion;

namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>Ingestion's messages to the public API's DTOs; enums as lower-case names.</summary>
public static class IngestionDtoMapping
{
    public static KnowledgeBaseDto ToDto(this KnowledgeBase kb) => new(
        kb.Id, kb.Name, kb.Description, Name(kb.Classification), [.. kb.Access], Name(kb.ApprovalMode), kb.ReviewBefore.ToDto(), kb.ExcludeStale,
        Name(kb.FindingsPolicy), kb.EmbeddingModel, kb.EmbedderId.NullIfEmpty(), kb.Version, [.. kb.ReadableByAudiences], kb.DocumentCount,
        kb.StaleDocumentCount, kb.CreatedAt.ToDto(), kb.UpdatedAt.ToDto());

    public static DocumentDto ToDto(this Document document) => new(
        document.Id, document.KnowledgeBaseId, document.Title, document.Source, [.. document.Tags], document.Author, document.EffectiveDate.ToDto(),
        [.. document.Access], document.LatestVersion, document.SearchableVersion, document.Stale, [.. document.Versions.Select(ToDto)],
        document.CreatedBy, document.CreatedAt.ToDto(), document.UpdatedAt.ToDto());

    public static DocumentVersionDto ToDto(this DocumentVersion version) => new(
        version.Version, version.ContentHash, version.FileName, version.ContentType, version.Format, version.SizeBytes, Name(version.ApprovalState),
        version.DecidedBy.NullIfEmpty(), version.DecidedAt.ToDto(), version.DecisionReason.NullIfEmpty(), version.UploadedBy, version.UploadedAt.ToDto(),
        version.JobId.NullIfEmpty(), version.JobState == JobState.Unspecified ? null : Name(version.JobState), version.ChunkCount, version.QuarantinedChunks);

    public static IngestionJobDto ToDto(this IngestionJob job) => new(
        job.Id, job.DocumentId, job.KnowledgeBaseId, job.Version, Name(job.State), job.Stage, job.ChunksTotal, job.ChunksDone, job.ChunksQuarantined,
        job.ChunksFlagged, job.Attempts, job.FailureCode.NullIfEmpty(), job.FailureReason.NullIfEmpty(), job.NextAttemptAt.ToDto(),
        job.CreatedAt.ToDto(), job.UpdatedAt.ToDto(), job.CompletedAt.ToDto());

    /// <summary>A request's enum name (any case) as the contract's value; absent is the zero value.</summary>
    /// <returns>False when a value is present but names no member.</returns>
    public static bool TryParseEnum<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        parsed = default;
        return value is null
            || (!int.TryParse(value, out _) && Enum.TryParse(value, ignoreCase: true, out parsed) && !parsed.Equals(default(TEnum)));
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
