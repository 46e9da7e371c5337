using System.Diagnostics;
using Microsoft.Extensions.AI;
using SecureRag.Inference.Infrastructure;

namespace SecureRag.Inference.Domain;

/// <summary>An embedding model of the registry over any Microsoft.Extensions.AI embedding generator, traced.</summary>
public sealed class EmbeddingModel(
    string name,
    string modelId,
    string host,
    string embedderId,
    int? dimension,
    Func<CancellationToken, Task<IEmbeddingGenerator<string, Embedding<float>>>> generator,
    TimeSpan timeout,
    Func<Exception, CancellationToken, Exception?> translate,
    ModelCallTelemetry telemetry) : IEmbedder
{
    private const string Operation = "embeddings";

    public string Name => name;

    public string EmbedderId => embedderId;

    public int? Dimension => dimension;

    public async Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> inputs, CallContext call, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Start(Operation, name, modelId, host, call);
        activity?.SetTag("securerag.embedding.inputs", inputs.Count);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var embeddings = await (await generator(deadline.Token)).GenerateAsync(inputs, cancellationToken: deadline.Token);
            var vectors = embeddings.Select(e => e.Vector).ToList();
            var size = vectors.Count > 0 ? vectors[0].Length : dimension ?? 0;
            var usage = new TokenUsage((int?)embeddings.Usage?.InputTokenCount ?? 0, 0);
            telemetry.Completed(activity, Operation, name, host, usage, null, Stopwatch.GetElapsedTime(started));
            return new EmbeddingResult(vectors, size, embedderId, usage);
        }
        catch (Exception ex) when (translate(ex, cancellationToken) is { } failure)
        {
            ModelCallTelemetry.Failed(activity, failure);
            throw failure;
        }
    }
}
