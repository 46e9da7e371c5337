namespace SecureRag.Retrieval.Bench;

/// <summary>
/// Windows of words with overlap: a stand-in for Ingestion's structural chunker (about 400 tokens, overlap) until the
/// benchmark can upload through the Gateway.
/// </summary>
public static class SimpleChunker
{
    public const int WindowWords = 300;
    public const int OverlapWords = 50;

    public static IReadOnlyList<string> Chunk(string text)
    {
        var words = text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= WindowWords + OverlapWords)
        {
            return [text.Trim()];
        }

        var chunks = new List<string>();
        for (var start = 0; start < words.Length; start += WindowWords - OverlapWords)
        {
            chunks.Add(string.Join(' ', words.Skip(start).Take(WindowWords)));
            if (start + WindowWords >= words.Length)
            {
                break;
            }
        }

        return chunks;
    }
}
