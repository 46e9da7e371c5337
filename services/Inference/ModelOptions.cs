using System.ComponentModel.DataAnnotations;
using SecureRag.Inference.Domain;

namespace SecureRag.Inference;

/// <summary>One model of the registry: an OpenAI-compatible runtime on the internal network.</summary>
public sealed class ModelOptions
{
    /// <summary>The runtime's OpenAI-compatible base address, e.g. <c>http://ollama:11434/v1</c>.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The model id the runtime knows (<c>llama3.1:8b</c>, <c>nomic-embed-text</c>).</summary>
    [Required]
    public string ModelId { get; set; } = "";

    public ModelKind Kind { get; set; } = ModelKind.Chat;

    /// <summary>Tokens the model accepts, prompt and completion together.</summary>
    [Range(256, 10_000_000)]
    public int ContextWindow { get; set; } = 8192;

    /// <summary>Completion budget when a request sets none; also the most a request may ask for.</summary>
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>Sampling temperature when a request sets none.</summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; }

    /// <summary>Embedding models: the dimension to ask for, when the runtime supports choosing it.</summary>
    [Range(1, 65_536)]
    public int? Dimensions { get; set; }

    /// <summary>Embedding models: the id stored with every vector; defaults to <c>&lt;ModelId&gt;</c> (plus <c>-&lt;Dimensions&gt;</c>).</summary>
    public string? EmbedderId { get; set; }

    /// <summary>The name of a stored provider credential (an API key), for runtimes that need one.</summary>
    public string? Credential { get; set; }

    /// <summary>The whole call, from connect to the last token.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
}
