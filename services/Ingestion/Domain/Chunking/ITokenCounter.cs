namespace SecureRag.Ingestion.Domain.Chunking;

public interface ITokenCounter
{
    int Count(string text);

    /// <summary>The length of the longest prefix of <paramref name="text"/> that is at most <paramref name="maxTokens"/> tokens.</summary>
    int PrefixLength(string text, int maxTokens);
}
