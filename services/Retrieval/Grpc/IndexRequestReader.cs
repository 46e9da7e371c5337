using Google.Protobuf.WellKnownTypes;
using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Access;
using SecureRag.Retrieval.Domain.Indexing;

namespace SecureRag.Retrieval.Grpc;

/// <summary>Validation of write-side requests; every refusal names the field.</summary>
public static class IndexRequestReader
{
    public const int MaxIdLength = 200;
    private const int MaxAccessEntries = 10_000;

    public static string Id(string value, string field)
    {
        if (value.Length == 0 || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            throw RpcErrors.InvalidArgument($"{field} must be 1 to {MaxIdLength} characters without control characters.");
        }

        return value;
    }

    public static string[] Access(IReadOnlyCollection<string> entries, string field)
    {
        if (entries.Count > MaxAccessEntries)
        {
            throw RpcErrors.InvalidArgument($"{field} has more than {MaxAccessEntries} entries.");
        }

        var invalid = entries.FirstOrDefault(e => !AccessEntries.IsValid(e) || e.Contains('\0', StringComparison.Ordinal));
        if (invalid is not null)
        {
            throw RpcErrors.InvalidArgument($"{field} has an invalid entry '{invalid}': use user:<id>, group:<id>, app:<id> or tenant:*.");
        }

        return [.. entries.Distinct(StringComparer.Ordinal)];
    }

    public static KnowledgeBaseSettings KnowledgeBase(PutKnowledgeBaseRequest request) => new(
        Id(request.KnowledgeBaseId, "knowledge_base_id"),
        Id(request.Name, "name"),
        request.Classification is Classification.Internal or Classification.Partner or Classification.Customer or Classification.Restricted
            ? (short)request.Classification
            : throw RpcErrors.InvalidArgument("classification is required."),
        Access(request.Access, "access"),
        request.ReviewBefore?.ToDateTimeOffset(),
        request.ExcludeStale,
        Text(request.EmbedderId, "embedder_id"),
        Text(request.EmbeddingModel, "embedding_model"));

    public static DocumentMetadataRecord Metadata(DocumentMetadata? metadata) => metadata is null
        ? new DocumentMetadataRecord("", "", [], "", null)
        : new DocumentMetadataRecord(
            Text(metadata.Title, "metadata.title"),
            Text(metadata.Source, "metadata.source"),
            [.. metadata.Tags.Select(t => Text(t, "metadata.tags")).Distinct(StringComparer.Ordinal)],
            Text(metadata.Author, "metadata.author"),
            metadata.EffectiveDate?.ToDateTimeOffset());

    public static DocumentVersionInput Document(IndexDocumentHeader header, IReadOnlyList<IndexedChunk> chunks, RetrievalOptions options)
    {
        if (header.Version < 1)
        {
            throw RpcErrors.InvalidArgument("version must be 1 or more.");
        }

        if (header.Approval is not (ApprovalState.Pending or ApprovalState.Approved))
        {
            throw RpcErrors.InvalidArgument("approval must be PENDING or APPROVED.");
        }

        if (header.ChunkCount != chunks.Count)
        {
            throw RpcErrors.InvalidArgument($"The stream carried {chunks.Count} chunks; the header announced {header.ChunkCount}.");
        }

        if (chunks.Select(c => c.Ordinal).Distinct().Count() != chunks.Count)
        {
            throw RpcErrors.InvalidArgument("Chunk ordinals must be unique.");
        }

        return new DocumentVersionInput(
            Id(header.KnowledgeBaseId, "knowledge_base_id"),
            Id(header.DocumentId, "document_id"),
            header.Version,
            Id(header.ContentHash, "content_hash"),
            Metadata(header.Metadata),
            Access(header.Access, "access"),
            header.Approval == ApprovalState.Approved,
            Text(header.EmbedderId, "embedder_id"),
            [.. chunks.Select(c => Chunk(c, options))]);
    }

    public static ChunkInput Chunk(IndexedChunk chunk, RetrievalOptions options)
    {
        if (chunk.Ordinal < 0 || chunk.Page < 0)
        {
            throw RpcErrors.InvalidArgument("A chunk's ordinal and page must not be negative.");
        }

        if (chunk.Text.Length > options.MaxChunkLength)
        {
            throw RpcErrors.InvalidArgument($"Chunk {chunk.Ordinal} is longer than {options.MaxChunkLength} characters.");
        }

        if (chunk.Vector.Any(v => !float.IsFinite(v)))
        {
            throw RpcErrors.InvalidArgument($"Chunk {chunk.Ordinal}'s vector has a value that is not a finite number.");
        }

        return new ChunkInput(
            chunk.Ordinal,
            Text(chunk.Text, "chunks.text"),
            [.. chunk.HeadingPath.Select(h => Text(h, "chunks.heading_path"))],
            chunk.Page,
            Text(chunk.Section, "chunks.section"),
            [.. chunk.Vector],
            chunk.StartOffset,
            chunk.EndOffset);
    }

    /// <summary>PostgreSQL text cannot hold NUL.</summary>
    private static string Text(string value, string field) => value.Contains('\0', StringComparison.Ordinal)
        ? throw RpcErrors.InvalidArgument($"{field} contains a NUL character.")
        : value;

    public static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
