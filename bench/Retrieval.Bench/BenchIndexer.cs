using Grpc.Core;
using SecureRag.Contracts.Retrieval;
using SecureRag.Inference.Domain;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// Writes documents the way Ingestion does: chunks embedded with the knowledge base's embedder, streamed to
/// RetrievalIndex.IndexDocument under an Ingestion service assertion.
/// </summary>
public sealed class BenchIndexer(RetrievalIndex.RetrievalIndexClient client, Metadata headers, HashedEmbedder embedder)
{
    public const string Model = "hashed";

    public Task PutKnowledgeBaseAsync(string id, Classification classification, IEnumerable<string> access, CancellationToken ct) =>
        client.PutKnowledgeBaseAsync(new PutKnowledgeBaseRequest
        {
            KnowledgeBaseId = id,
            Name = id,
            Classification = classification,
            Access = { access },
            EmbedderId = embedder.EmbedderId,
            EmbeddingModel = Model,
        }, headers, cancellationToken: ct).ResponseAsync;

    public async Task<IndexDocumentResponse> IndexAsync(
        string kb, string documentId, string title, IReadOnlyList<string> chunks, IEnumerable<string> access,
        bool approved = true, long version = 1, CancellationToken ct = default)
    {
        using var call = client.IndexDocument(headers, cancellationToken: ct);
        await call.RequestStream.WriteAsync(new IndexDocumentPart
        {
            Header = new IndexDocumentHeader
            {
                KnowledgeBaseId = kb,
                DocumentId = documentId,
                Version = version,
                ContentHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes(title + "\n" + string.Join("\n", chunks)))),
                Metadata = new DocumentMetadata { Title = title, Source = "bench" },
                Access = { access },
                Approval = approved ? ApprovalState.Approved : ApprovalState.Pending,
                EmbedderId = embedder.EmbedderId,
                ChunkCount = chunks.Count,
            },
        }, ct);
        foreach (var batch in chunks.Select((text, i) => (text, i)).Chunk(64))
        {
            var part = new ChunkBatch();
            part.Chunks.AddRange(batch.Select(c => new IndexedChunk
            {
                Ordinal = c.i,
                Text = c.text,
                Vector = { embedder.Embed(title + "\n" + c.text) },
            }));
            await call.RequestStream.WriteAsync(new IndexDocumentPart { Chunks = part }, ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
