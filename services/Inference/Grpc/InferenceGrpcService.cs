using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Domain;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Inference.Grpc;

/// <summary>
/// Generation and embeddings. The assertion interceptor has verified the caller before any handler runs; handlers
/// use the caller for the model call's trace. Failures are statuses with messages a caller can act on.
/// </summary>
public sealed class InferenceGrpcService(ModelRegistry registry, IOptions<InferenceOptions> options) : Contracts.Inference.Inference.InferenceBase
{
    public override async Task<GenerateResponse> Generate(GenerateRequest request, ServerCallContext context)
    {
        var call = context.GetCaller().ToCallContext();
        try
        {
            var generator = registry.GetGenerator(request.Model);
            var result = await generator.GenerateAsync(request.ToDomain(), call, context.CancellationToken);
            return result.ToProto();
        }
        catch (Exception ex) when (InferenceErrors.Map(ex) is { } status)
        {
            throw status;
        }
    }

    public override async Task GenerateStream(GenerateRequest request, IServerStreamWriter<GenerateStreamEvent> responseStream, ServerCallContext context)
    {
        var call = context.GetCaller().ToCallContext();
        var cancellationToken = context.CancellationToken;
        try
        {
            var generator = registry.GetGenerator(request.Model);
            var stream = await generator.StreamAsync(request.ToDomain(), call, cancellationToken);
            await responseStream.WriteAsync(new GenerateStreamEvent { Started = stream.Start.ToProto() }, cancellationToken);

            // The caller going away cancels the token: the enumeration stops and the runtime's request is aborted.
            await foreach (var chunk in stream.Chunks.WithCancellation(cancellationToken))
            {
                if (chunk.Text.Length > 0)
                {
                    await responseStream.WriteAsync(new GenerateStreamEvent { Delta = new GenerationDelta { Text = chunk.Text } }, cancellationToken);
                }

                if (chunk.End is { } end)
                {
                    await responseStream.WriteAsync(new GenerateStreamEvent { Completed = end.ToProto() }, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (InferenceErrors.Map(ex) is { } status)
        {
            throw status;
        }
    }

    public override async Task<EmbedResponse> Embed(EmbedRequest request, ServerCallContext context)
    {
        var call = context.GetCaller().ToCallContext();
        var limits = options.Value;
        if (request.Inputs.Count == 0)
        {
            throw InferenceErrors.InvalidArgument("inputs is empty.");
        }

        if (request.Inputs.Count > limits.MaxEmbedBatch)
        {
            throw InferenceErrors.InvalidArgument($"At most {limits.MaxEmbedBatch} inputs per call; split the batch.");
        }

        if (request.Inputs.Select((text, index) => (text, index)).FirstOrDefault(i => i.text.Length > limits.MaxEmbedInputChars) is { text: not null } tooLong)
        {
            throw InferenceErrors.InvalidArgument($"inputs[{tooLong.index}] has {tooLong.text.Length} characters; at most {limits.MaxEmbedInputChars} are allowed.");
        }

        try
        {
            var embedder = registry.GetEmbedder(request.Model);
            if (request.ExpectedEmbedderId.Length > 0 && request.ExpectedEmbedderId != embedder.EmbedderId)
            {
                throw new EmbedderMismatchException(
                    $"Model '{embedder.Name}' produces '{embedder.EmbedderId}' vectors, not '{request.ExpectedEmbedderId}': re-embed the knowledge base or bind the model it was embedded with.");
            }

            var result = await embedder.EmbedAsync(request.Inputs, call, context.CancellationToken);
            return result.ToProto(embedder.Name);
        }
        catch (Exception ex) when (InferenceErrors.Map(ex) is { } status)
        {
            throw status;
        }
    }

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var response = new ListModelsResponse();
        response.Models.AddRange(registry.Models.Select(m => m.ToProto()));
        return Task.FromResult(response);
    }
}
