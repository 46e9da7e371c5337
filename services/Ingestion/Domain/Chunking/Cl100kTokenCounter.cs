using Microsoft.ML.Tokenizers;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>Counts with OpenAI's cl100k_base encoding (Microsoft.ML.Tokenizers), the budget unit of the chunker.</summary>
public sealed class Cl100kTokenCounter : ITokenCounter
{
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    public int Count(string text) => text.Length == 0 ? 0 : _tokenizer.CountTokens(text);

    public int PrefixLength(string text, int maxTokens) =>
        _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
}
