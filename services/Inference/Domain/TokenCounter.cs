using Microsoft.ML.Tokenizers;

namespace SecureRag.Inference.Domain;

/// <summary>
/// Counts tokens with cl100k_base. Runtimes use their own tokenizers, so budgets keep a margin
/// (<see cref="PromptAssembler"/>); counts reported as usage come from the runtime when it reports them.
/// </summary>
public sealed class TokenCounter
{
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    public int Count(string text) => text.Length == 0 ? 0 : _tokenizer.CountTokens(text);
}
