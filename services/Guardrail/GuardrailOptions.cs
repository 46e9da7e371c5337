using System.ComponentModel.DataAnnotations;
using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail;

/// <summary>Limits and caching of the Guardrail service (section <c>Guardrail</c>).</summary>
public sealed class GuardrailOptions
{
    public const string SectionName = "Guardrail";

    /// <summary>The longest text of any field (prompt, history turn, chunk, answer, passage, system prompt), in UTF-16 code units.</summary>
    [Range(1, PolicyParser.MaxPromptChars)]
    public int MaxTextChars { get; set; } = PolicyParser.MaxPromptChars;

    /// <summary>The most characters one request may carry in all its texts together.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxRequestChars { get; set; } = 4 * 1024 * 1024;

    [Range(1, 4096)]
    public int MaxChunks { get; set; } = 256;

    [Range(0, 1024)]
    public int MaxHistoryTurns { get; set; } = 32;

    [Range(0, 1024)]
    public int MaxPassages { get; set; } = 64;

    /// <summary>
    /// How long a replica serves a policy from memory. A save is visible at once on the replica that took it and within
    /// this time on the others.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PolicyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
