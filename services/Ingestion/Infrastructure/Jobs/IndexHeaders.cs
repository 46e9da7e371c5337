using Google.Protobuf.WellKnownTypes;
using SecureRag.Contracts.Retrieval;

namespace SecureRag.Ingestion.Infrastructure.Jobs;

/// <summary>What the index is told about a document version, and the access list it applies.</summary>
public static class IndexHeaders
{
    /// <summary>The document's own list, or "everyone in the tenant" when it has none (the knowledge base's list still applies).</summary>
    public static IReadOnlyList<string> EffectiveAccess(IReadOnlyList<string> documentAccess) =>
        documentAccess.Count == 0 ? [Domain.KnowledgeBases.AccessEntries.Everyone] : documentAccess;

    public static IndexDocumentHeader Create(DocumentRow document, VersionRow version, string? embedderId, int chunkCount)
    {
        var metadata = new DocumentMetadata
        {
            Title = document.Title,
            Source = document.Source,
            Author = document.Author,
            EffectiveDate = document.EffectiveDate is { } date ? Timestamp.FromDateTime(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null,
        };
        metadata.Tags.AddRange(document.Tags);
        var header = new IndexDocumentHeader
        {
            KnowledgeBaseId = document.KnowledgeBaseId.ToString(),
            DocumentId = document.Id.ToString(),
            Version = version.Version,
            ContentHash = version.ContentHash,
            Metadata = metadata,
            Approval = version.ApprovalState == "approved" ? ApprovalState.Approved : ApprovalState.Pending,
            EmbedderId = embedderId ?? "",
            ChunkCount = chunkCount,
        };
        header.Access.AddRange(EffectiveAccess(document.Access));
        return header;
    }

    public static IndexedChunk ToIndexed(ChunkRow row, int ordinal, float[] vector)
    {
        var chunk = new IndexedChunk
        {
            Ordinal = ordinal,
            Text = row.IndexedText ?? row.Text,
            Page = row.PageStart ?? 0,
            Section = row.Section ?? "",
            StartOffset = row.StartOffset,
            EndOffset = row.EndOffset,
        };
        chunk.HeadingPath.AddRange(row.HeadingPath);
        chunk.Vector.AddRange(vector);
        return chunk;
    }
}
