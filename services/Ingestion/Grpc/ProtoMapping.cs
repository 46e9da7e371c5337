using Google.Protobuf.WellKnownTypes;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Domain.KnowledgeBases;
using SecureRag.Ingestion.Infrastructure;

namespace SecureRag.Ingestion.Grpc;

/// <summary>Storage rows to the contract's messages, and the contract's enums to the stored names.</summary>
public static class ProtoMapping
{
    public static Timestamp? ToTimestamp(this DateTime? value) => value is { } v ? Timestamp.FromDateTime(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    public static Timestamp ToTimestamp(this DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static string? ToName(this Classification value) => value switch
    {
        Classification.Internal => "internal",
        Classification.Partner => "partner",
        Classification.Customer => "customer",
        Classification.Restricted => "restricted",
        _ => null,
    };

    public static string? ToName(this ApprovalMode value) => value switch
    {
        ApprovalMode.Required => "required",
        ApprovalMode.Automatic => "automatic",
        _ => null,
    };

    public static string? ToName(this FindingsPolicy value) => value switch
    {
        FindingsPolicy.Quarantine => "quarantine",
        FindingsPolicy.Redact => "redact",
        FindingsPolicy.Mark => "mark",
        _ => null,
    };

    public static KnowledgeBase ToProto(this KnowledgeBaseRow row)
    {
        var message = new KnowledgeBase
        {
            Id = row.Id.ToString(),
            Name = row.Name,
            Description = row.Description,
            Classification = row.Classification switch
            {
                "internal" => Classification.Internal,
                "partner" => Classification.Partner,
                "customer" => Classification.Customer,
                _ => Classification.Restricted,
            },
            ApprovalMode = row.ApprovalMode == "automatic" ? ApprovalMode.Automatic : ApprovalMode.Required,
            ReviewBefore = row.ReviewBefore.ToTimestamp(),
            ExcludeStale = row.ExcludeStale,
            FindingsPolicy = row.FindingsPolicy switch
            {
                "redact" => FindingsPolicy.Redact,
                "mark" => FindingsPolicy.Mark,
                _ => FindingsPolicy.Quarantine,
            },
            EmbeddingModel = row.EmbeddingModel,
            EmbedderId = row.EmbedderId ?? "",
            Version = row.Version,
            CreatedAt = row.CreatedAt.ToTimestamp(),
            UpdatedAt = row.UpdatedAt.ToTimestamp(),
            DocumentCount = row.DocumentCount,
            StaleDocumentCount = row.StaleDocumentCount,
        };
        message.Access.AddRange(row.Access);
        message.ReadableByAudiences.AddRange(AudienceTable.ReadableBy(row.Classification));
        return message;
    }

    public static Document ToProto(this DocumentRow row, IEnumerable<VersionRow> versions)
    {
        var message = new Document
        {
            Id = row.Id.ToString(),
            KnowledgeBaseId = row.KnowledgeBaseId.ToString(),
            Title = row.Title,
            Source = row.Source,
            Author = row.Author,
            EffectiveDate = row.EffectiveDate.ToTimestamp(),
            LatestVersion = row.LatestVersion,
            SearchableVersion = row.SearchableVersion,
            Stale = row.Stale,
            CreatedBy = row.CreatedBy,
            CreatedAt = row.CreatedAt.ToTimestamp(),
            UpdatedAt = row.UpdatedAt.ToTimestamp(),
        };
        message.Tags.AddRange(row.Tags);
        message.Access.AddRange(row.Access);
        message.Versions.AddRange(versions.Select(ToProto));
        return message;
    }

    public static DocumentVersion ToProto(this VersionRow row) => new()
    {
        Version = row.Version,
        ContentHash = row.ContentHash,
        FileName = row.FileName,
        ContentType = row.ContentType,
        Format = row.Format,
        SizeBytes = row.SizeBytes,
        ApprovalState = row.ApprovalState switch
        {
            "approved" => ApprovalState.Approved,
            "rejected" => ApprovalState.Rejected,
            "superseded" => ApprovalState.Superseded,
            _ => ApprovalState.Pending,
        },
        DecidedBy = row.DecidedBy ?? "",
        DecidedAt = row.DecidedAt.ToTimestamp(),
        DecisionReason = row.DecisionReason ?? "",
        UploadedBy = row.UploadedBy,
        UploadedAt = row.UploadedAt.ToTimestamp(),
        JobId = row.JobId?.ToString() ?? "",
        JobState = JobState(row.JobState),
        ChunkCount = row.ChunkCount,
        QuarantinedChunks = row.QuarantinedChunks,
    };

    public static IngestionJob ToProto(this JobRow row) => new()
    {
        Id = row.Id.ToString(),
        DocumentId = row.DocumentId.ToString(),
        KnowledgeBaseId = row.KnowledgeBaseId.ToString(),
        Version = row.Version,
        State = JobState(row.State),
        Stage = row.Stage,
        ChunksTotal = row.ChunksTotal,
        ChunksDone = row.ChunksDone,
        ChunksQuarantined = row.ChunksQuarantined,
        ChunksFlagged = row.ChunksFlagged,
        Attempts = row.Attempts,
        FailureCode = row.FailureCode ?? "",
        FailureReason = row.FailureReason ?? "",
        NextAttemptAt = row.NextAttemptAt.ToTimestamp(),
        CreatedAt = row.CreatedAt.ToTimestamp(),
        UpdatedAt = row.UpdatedAt.ToTimestamp(),
        CompletedAt = row.CompletedAt.ToTimestamp(),
    };

    private static JobState JobState(string? state) => state switch
    {
        JobStates.Queued => Contracts.Ingestion.JobState.Queued,
        JobStates.Running => Contracts.Ingestion.JobState.Running,
        JobStates.Waiting => Contracts.Ingestion.JobState.Waiting,
        JobStates.Completed => Contracts.Ingestion.JobState.Completed,
        JobStates.Failed => Contracts.Ingestion.JobState.Failed,
        JobStates.Cancelled => Contracts.Ingestion.JobState.Cancelled,
        _ => Contracts.Ingestion.JobState.Unspecified,
    };
}
