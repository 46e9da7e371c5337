using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Indexing;

namespace SecureRag.Retrieval.Grpc;

public static class DocumentStatusMapper
{
    public static DocumentStatus ToProto(DocumentStatusRecord status) => new()
    {
        DocumentId = status.DocumentId,
        KnowledgeBaseId = status.KnowledgeBaseId,
        SearchableVersion = status.SearchableVersion,
        Access = { status.Access },
        Versions =
        {
            status.Versions.Select(v => new DocumentVersionStatus
            {
                Version = v.Version,
                ContentHash = v.ContentHash,
                Approval = (ApprovalState)v.Approval,
                ChunkCount = v.ChunkCount,
                IndexedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(v.IndexedAt, DateTimeKind.Utc)),
            }),
        },
        Metadata = new DocumentMetadata
        {
            Title = status.Metadata.Title,
            Source = status.Metadata.Source,
            Tags = { status.Metadata.Tags },
            Author = status.Metadata.Author,
            EffectiveDate = IndexRequestReader.ToTimestamp(status.Metadata.EffectiveDate),
        },
    };
}
