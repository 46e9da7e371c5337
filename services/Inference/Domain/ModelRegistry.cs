using Microsoft.Extensions.Options;
using SecureRag.Inference.Infrastructure;

namespace SecureRag.Inference.Domain;

/// <summary>
/// The operator's model registry (<c>Inference:Models</c>) plus the embedded <c>extractive</c> and <c>hashed</c>
/// models. Callers name a model; they never see or choose an endpoint.
/// </summary>
public sealed class ModelRegistry
{
    private readonly InferenceOptions _options;
    private readonly Dictionary<string, IGenerator> _generators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IEmbedder> _embedders = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ModelDescriptor> _descriptors = [];

    public ModelRegistry(
        IOptions<InferenceOptions> options,
        ExtractiveGenerator extractive,
        HashedEmbedder hashed,
        ModelClients clients,
        PromptAssembler assembler,
        TokenCounter tokens,
        ModelCallTelemetry telemetry)
    {
        _options = options.Value;
        _generators[extractive.Name] = extractive;
        _embedders[BuiltInModels.Hashed] = new EmbeddingModel(
            BuiltInModels.Hashed, hashed.EmbedderId, ModelCallTelemetry.EmbeddedHost, hashed.EmbedderId, hashed.Dimension,
            _ => Task.FromResult<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(hashed),
            Timeout.InfiniteTimeSpan, (_, _) => null, telemetry);
        _descriptors.Add(new(BuiltInModels.Extractive, ModelKind.Chat, true, 0, null, null, IsDefault(BuiltInModels.Extractive, ModelKind.Chat)));
        _descriptors.Add(new(BuiltInModels.Hashed, ModelKind.Embedding, true, 0, hashed.EmbedderId, hashed.Dimension, IsDefault(BuiltInModels.Hashed, ModelKind.Embedding)));

        foreach (var (name, modelOptions) in _options.Models.OrderBy(m => m.Key, StringComparer.OrdinalIgnoreCase))
        {
            var model = new RegisteredModel(name, modelOptions);
            if (modelOptions.Kind == ModelKind.Chat)
            {
                _generators[name] = new ChatModelGenerator(model, clients, assembler, tokens, telemetry);
                _descriptors.Add(new(name, ModelKind.Chat, false, modelOptions.ContextWindow, null, null, IsDefault(name, ModelKind.Chat)));
            }
            else
            {
                _embedders[name] = new EmbeddingModel(
                    name, modelOptions.ModelId, model.Host, model.EmbedderId, modelOptions.Dimensions,
                    ct => clients.GetEmbeddingGeneratorAsync(model, ct), modelOptions.Timeout,
                    (ex, ct) => ModelFailures.Translate(ex, model, ct), telemetry);
                _descriptors.Add(new(name, ModelKind.Embedding, false, modelOptions.ContextWindow, model.EmbedderId, modelOptions.Dimensions, IsDefault(name, ModelKind.Embedding)));
            }
        }
    }

    public IReadOnlyList<ModelDescriptor> Models => _descriptors;

    /// <param name="name">A chat model's registry name; empty for the default.</param>
    public IGenerator GetGenerator(string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? _options.DefaultChatModel : name.Trim();
        if (_generators.TryGetValue(key, out var generator))
        {
            return generator;
        }

        throw new ModelNotFoundException(_embedders.ContainsKey(key)
            ? $"Model '{key}' is an embedding model, not a chat model."
            : $"No chat model named '{key}' is in the registry.");
    }

    /// <param name="name">An embedding model's registry name; empty for the default.</param>
    public IEmbedder GetEmbedder(string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? _options.DefaultEmbeddingModel : name.Trim();
        if (_embedders.TryGetValue(key, out var embedder))
        {
            return embedder;
        }

        throw new ModelNotFoundException(_generators.ContainsKey(key)
            ? $"Model '{key}' is a chat model, not an embedding model."
            : $"No embedding model named '{key}' is in the registry.");
    }

    private bool IsDefault(string name, ModelKind kind) =>
        string.Equals(name, kind == ModelKind.Chat ? _options.DefaultChatModel : _options.DefaultEmbeddingModel, StringComparison.OrdinalIgnoreCase);
}
