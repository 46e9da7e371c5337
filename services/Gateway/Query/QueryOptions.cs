using System.ComponentModel.DataAnnotations;

namespace SecureRag.Gateway.Query;

/// <summary>Settings of the query path (section <c>Gateway:Query</c>).</summary>
public sealed class QueryOptions
{
    public const string SectionName = "Gateway:Query";

    /// <summary>Completion budget when neither the request nor the app's limits set one.</summary>
    [Range(1, 1_000_000)]
    public int DefaultMaxTokens { get; set; } = 512;

    /// <summary>
    /// Tokens held from the quota for the prompt, on top of the completion budget: the prompt's size is known only
    /// after retrieval, and the reservation must come before any work. Settlement counts the actual usage.
    /// </summary>
    [Range(0, 1_000_000)]
    public int PromptTokenReserve { get; set; } = 2048;

    /// <summary>Passages retrieved per question.</summary>
    [Range(1, 100)]
    public int TopK { get; set; } = 8;

    /// <summary>Longest question, and longest client-supplied turn, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxQuestionChars { get; set; } = 32_000;

    /// <summary>Most earlier turns a request may carry (client-supplied or server-held); older ones are left out.</summary>
    [Range(0, 32)]
    public int MaxHistoryTurns { get; set; } = 16;

    /// <summary>How long the Gateway remembers an app's settings; a change through this replica is seen at once.</summary>
    public TimeSpan AppCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan GuardrailTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetrievalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole generation, first token to last.</summary>
    public TimeSpan InferenceTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A streamed segment is released at a sentence end once it has this many characters.</summary>
    [Range(1, 10_000)]
    public int MinSegmentChars { get; set; } = 24;

    /// <summary>A streamed segment without a sentence end is released at a space once it is this long.</summary>
    [Range(16, 100_000)]
    public int MaxSegmentChars { get; set; } = 600;
}
