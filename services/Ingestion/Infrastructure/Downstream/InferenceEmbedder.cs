using SecureRag.Contracts.Inference;
using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

public sealed class InferenceEmbedder(Contracts.Inference.Inference.InferenceClient inference, ServiceCalls calls) : IChunkEmbedder
{
    public async Task<(IReadOnlyList<float[]> Vectors, string EmbedderId)> EmbedAsync(
        Actor actor, string model, string? expectedEmbedderId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var headers = await calls.HeadersAsync("inference", actor, cancellationToken);
        var request = new EmbedRequest { Model = model, ExpectedEmbedderId = expectedEmbedderId ?? "" };
        request.Inputs.AddRange(texts);
        var response = await RpcFailures.CallAsync(
            "inference", () => inference.EmbedAsync(request, headers, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        if (response.Embeddings.Count != texts.Count)
        {
            throw new DependencyUnavailableException("inference", $"answered {response.Embeddings.Count} vectors for {texts.Count} texts");
        }

        return ([.. response.Embeddings.Select(e => e.Values.ToArray())], response.EmbedderId);
    }
}
