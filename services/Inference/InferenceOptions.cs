using System.ComponentModel.DataAnnotations;
using SecureRag.Inference.Domain;

namespace SecureRag.Inference;

/// <summary>The <c>Inference</c> configuration section: the model registry and the service's limits.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>The model registry, by name (<c>Inference:Models:&lt;name&gt;</c>). Apps and tenants pick models by these names.</summary>
    public Dictionary<string, ModelOptions> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The chat model used when a request names none.</summary>
    [Required]
    public string DefaultChatModel { get; set; } = BuiltInModels.Extractive;

    /// <summary>The embedding model used when a request names none.</summary>
    [Required]
    public string DefaultEmbeddingModel { get; set; } = BuiltInModels.Hashed;

    /// <summary>Dimension of the embedded <c>hashed</c> embedder's vectors.</summary>
    [Range(16, 8192)]
    public int HashedDimension { get; set; } = 384;

    /// <summary>Completion budget of the <c>extractive</c> generator when a request sets none.</summary>
    [Range(16, 8192)]
    public int ExtractiveMaxTokens { get; set; } = 256;

    /// <summary>At most this many sentences in an extractive answer.</summary>
    [Range(1, 50)]
    public int ExtractiveMaxSentences { get; set; } = 5;

    /// <summary>Largest batch one <c>Embed</c> call may carry.</summary>
    [Range(1, 4096)]
    public int MaxEmbedBatch { get; set; } = 512;

    /// <summary>Longest text (in characters) one embedding input may have.</summary>
    [Range(1, 1_000_000)]
    public int MaxEmbedInputChars { get; set; } = 32_768;

    /// <summary>How long a runtime's circuit stays open after repeated failures.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Provider credentials to import (encrypted) at start, by credential name: from a Kubernetes Secret, say.</summary>
    public Dictionary<string, string> Credentials { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The certificate that protects the Data Protection key ring.</summary>
    public KeyEncryptionOptions KeyEncryption { get; set; } = new();
}
