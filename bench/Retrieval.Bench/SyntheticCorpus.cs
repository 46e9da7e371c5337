using System.Text;
using SecureRag.Bench;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// Deterministic English-like text from a <see cref="ZipfVocabulary"/>, so postings lengths look like a real
/// collection's.
/// </summary>
public sealed class SyntheticCorpus
{
    private readonly ZipfVocabulary _vocabulary;

    public SyntheticCorpus(int vocabulary, int seed) => _vocabulary = new ZipfVocabulary(vocabulary, seed);

    public string Text(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? "" : i % 15 == 0 ? ". " : " ").Append(Word(random));
        }

        return text.Append('.').ToString();
    }

    /// <summary>A question: a few content words from the middle of the distribution, as people ask.</summary>
    public string Query(Random random)
    {
        var count = 2 + random.Next(4);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => _vocabulary[(int)Math.Exp(random.NextDouble() * Math.Log(_vocabulary.Count / 4.0)) + 20]));
    }

    private string Word(Random random) => _vocabulary.Word(random);
}
