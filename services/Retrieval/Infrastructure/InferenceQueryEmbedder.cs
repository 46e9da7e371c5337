using SecureRag.Contracts.Inference;
using SecureRag.Retrieval.Domain.Ranking;
using SecureRag.ServiceDefaults.Security;
using InferenceClient = SecureRag.Contracts.Inference.Inference.InferenceClient;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// Query embeddings from the Inference service, under a service assertion acting for the searching principal, with
/// the knowledge base's model; Inference refuses (FAILED_PRECONDITION) if the model no longer produces that
/// embedder's vectors, so a query is never compared with vectors of another space.
/// </summary>
public sealed class InferenceQueryEmbedder(InferenceClient inference, ServiceAssertionProvider assertions) : IQueryEmbedder
{
    public const string ServiceName = "inference";

    public async Task<float[]> EmbedAsync(
        string text, EmbedderRef embedder, string tenantId, string onBehalfOf, CancellationToken cancellationToken)
    {
        var headers = await assertions.GetHeadersAsync(ServiceName, tenantId, onBehalfOf, cancellationToken);
        var response = await inference.EmbedAsync(
            new EmbedRequest { Model = embedder.Model, Inputs = { text }, ExpectedEmbedderId = embedder.EmbedderId },
            headers, cancellationToken: cancellationToken);
        return [.. response.Embeddings[0].Values];
    }
}
