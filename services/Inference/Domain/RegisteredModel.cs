namespace SecureRag.Inference.Domain;

/// <summary>A runtime-served model of the registry, by its registry name.</summary>
public sealed record RegisteredModel(string Name, ModelOptions Options)
{
    public Uri Endpoint => Options.Endpoint ?? throw new InvalidOperationException($"Model '{Name}' has no endpoint.");

    /// <summary>host:port, for traces and messages (never the path or query, which could carry secrets).</summary>
    public string Host => $"{Endpoint.Host}:{Endpoint.Port}";

    public string EmbedderId => Options.EmbedderId is { Length: > 0 } id
        ? id
        : Options.Dimensions is { } dimensions ? $"{Options.ModelId}-{dimensions}" : Options.ModelId;
}
