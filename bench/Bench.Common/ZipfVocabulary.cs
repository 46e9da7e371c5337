using System.Text;

namespace SecureRag.Bench;

/// <summary>
/// A deterministic vocabulary of pronounceable words drawn with Zipf's law, so generated text looks like a real
/// collection's: a few very common words and a long tail of rare ones.
/// </summary>
public sealed class ZipfVocabulary
{
    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl", "gr", "ch", "sh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "s", "t", "l", "m", "nd", "rk", "x"];
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public ZipfVocabulary(int size, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
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
        _cumulative = new double[size];
        var total = 0.0;
        for (var i = 0; i < size; i++)
        {
            total += 1.0 / (i + 1);
            _cumulative[i] = total;
        }

        for (var i = 0; i < size; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public int Count => _words.Length;

    /// <summary>The word of the given rank (0 is the most frequent).</summary>
    public string this[int rank] => _words[rank];

    /// <summary>A word drawn by frequency.</summary>
    public string Word(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[index < 0 ? Math.Min(~index, _words.Length - 1) : index];
    }
}
