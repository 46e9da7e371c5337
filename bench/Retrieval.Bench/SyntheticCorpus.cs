using System.Text;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// Deterministic English-like text: a vocabulary of pronounceable words drawn with Zipf's law, so postings lengths
/// look like a real collection's (a few very common terms, a long tail of rare ones).
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl", "gr", "ch", "sh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "s", "t", "l", "m", "nd", "rk", "x"];
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public SyntheticCorpus(int vocabulary, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < vocabulary)
        {
            var word = new StringBuilder();
            var syllables = 1 + random.Next(3);
            for (var s = 0; s < syllables; s++)
            {
                word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]).Append(Codas[random.Next(Codas.Length)]);
            }

            words.Add(word.ToString());
        }

        _words = [.. words];
        _cumulative = new double[vocabulary];
        var total = 0.0;
        for (var i = 0; i < vocabulary; i++)
        {
            total += 1.0 / (i + 1);
            _cumulative[i] = total;
        }

        for (var i = 0; i < vocabulary; i++)
        {
            _cumulative[i] /= total;
        }
    }

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
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => _words[(int)Math.Exp(random.NextDouble() * Math.Log(_words.Length / 4.0)) + 20]));
    }

    private string Word(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[index < 0 ? ~index : index];
    }
}
