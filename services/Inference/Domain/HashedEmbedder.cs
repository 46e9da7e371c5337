using System.Globalization;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace SecureRag.Inference.Domain;

/// <summary>
/// The embedded embedder: signed feature hashing of word unigrams and bigrams and of character 3- and 4-grams of each
/// word (CJK characters count as words, so their bigrams are character bigrams), L2-normalised. Deterministic, no
/// model, no download; its id (<c>hashed-v1-&lt;dimension&gt;</c>) names the algorithm version and dimension, so a
/// change to either is a different vector space.
/// </summary>
public sealed class HashedEmbedder(int dimension) : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int MaxWordLength = 64;
    private const float WordWeight = 1.0f;
    private const float BigramWeight = 0.7f;
    private const float CharGramWeight = 0.25f;
    private const uint OffsetBasis = 2166136261u;

    public int Dimension { get; } = dimension;

    public string EmbedderId => $"hashed-v1-{Dimension}";

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = EmbedderId });
        }

        return Task.FromResult(embeddings);
    }

    public float[] Embed(string text)
    {
        var vector = new float[Dimension];
        Span<char> word = stackalloc char[MaxWordLength + 2];
        uint previous = 0;
        var length = 0;
        var hasPrevious = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var cjk = IsCjk(c);
            if (char.IsLetterOrDigit(c) && !cjk)
            {
                if (length < MaxWordLength)
                {
                    word[++length] = char.ToLowerInvariant(c);
                }

                continue;
            }

            if (length > 0)
            {
                AddWord(vector, word[..(length + 2)], ref previous, ref hasPrevious);
                length = 0;
            }

            if (cjk)
            {
                word[1] = c;
                AddWord(vector, word[..3], ref previous, ref hasPrevious);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    /// <param name="framed">The word with a boundary slot either side, filled here.</param>
    private void AddWord(float[] vector, Span<char> framed, ref uint previous, ref bool hasPrevious)
    {
        framed[0] = '<';
        framed[^1] = '>';
        var wordHash = OffsetBasis;
        foreach (var c in framed)
        {
            wordHash = Step(wordHash, c);
        }

        Add(vector, wordHash, WordWeight);
        if (hasPrevious)
        {
            Add(vector, (previous * 0x9E3779B1u) ^ wordHash ^ 0x2u, BigramWeight);
        }

        // Character 3-grams and 4-grams, the 4-gram extending the 3-gram's hash; none for a word no longer than them.
        var length = framed.Length;
        for (var start = 0; start + 3 <= length && length > 3; start++)
        {
            var gram = Step(Step(Step(OffsetBasis, framed[start]), framed[start + 1]), framed[start + 2]);
            Add(vector, gram ^ 0x3u, CharGramWeight);
            if (start + 4 <= length && length > 4)
            {
                Add(vector, Step(gram, framed[start + 3]) ^ 0x4u, CharGramWeight);
            }
        }

        previous = wordHash;
        hasPrevious = true;
    }

    private void Add(float[] vector, uint hash, float weight)
    {
        var mixed = Mix(hash);

        // Multiply-shift maps the high bits to [0, Dimension) without a division; the low bit gives the sign.
        var index = (int)(((ulong)mixed * (uint)Dimension) >> 32);
        vector[index] += (mixed & 1u) == 0 ? weight : -weight;
    }

    // FNV-1a over UTF-16 code units, mixed by a murmur3 finaliser: stable across processes and platforms (string.GetHashCode is not).
    private static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    private static bool IsCjk(char c) =>
        c >= '\u2E80' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata)
            ? new EmbeddingGeneratorMetadata("securerag-hashed", defaultModelId: EmbedderId, defaultModelDimensions: Dimension)
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
