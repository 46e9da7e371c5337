namespace SecureRag.Inference.Domain;

/// <param name="Messages">System message first, then the kept conversation, then the question.</param>
/// <param name="Passages">The passages the prompt holds (a truncated one with its shortened text).</param>
/// <param name="PromptTokens">The prompt's size counted with cl100k_base.</param>
public sealed record AssembledPrompt(
    IReadOnlyList<PromptMessage> Messages,
    string Canary,
    IReadOnlyList<Passage> Passages,
    PromptReport Report,
    int PromptTokens);
