namespace SecureRag.Inference.Domain;

/// <summary>A chat model of the registry: the embedded extractive generator or a runtime's model.</summary>
public interface IGenerator
{
    string Name { get; }

    Task<GenerationResult> GenerateAsync(GenerationRequest request, CallContext call, CancellationToken cancellationToken);

    Task<GenerationStream> StreamAsync(GenerationRequest request, CallContext call, CancellationToken cancellationToken);
}
