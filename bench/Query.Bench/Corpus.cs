using System.Text;

namespace SecureRag.Query.Bench;

/// <summary>
/// Deterministic English-like documents and questions from one vocabulary of pronounceable words (drawn with Zipf's
/// law), so questions share words with the passages and retrieval has something to rank.
/// </summary>
public sealed class Corpus
{
    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl", "gr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "s", "t", "l", "m", "nd", "rk"];
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public Corpus(int vocabulary = 20_000, int seed = 7)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < vocabulary)
        {
            var word = new StringBuilder();
            for (var s = 0; s < 1 + random.Next(3); s++)
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

    public string Word(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[index < 0 ? Math.Min(~index, _words.Length - 1) : index];
    }

    /// <summary>A Markdown document of <paramref name="sections"/> sections of about <paramref name="wordsPerSection"/> words, in sentences.</summary>
    public byte[] Document(int seed, int sections, int wordsPerSection)
    {
        var random = new Random(seed);
        var text = new StringBuilder($"# Handbook part {seed}\n\n");
        for (var s = 0; s < sections; s++)
        {
            text.Append("## ").Append(Word(random)).Append(' ').Append(Word(random)).Append("\n\n");
            var words = 0;
            while (words < wordsPerSection)
            {
                var length = 8 + random.Next(12);
                var sentence = string.Join(' ', Enumerable.Range(0, length).Select(_ => Word(random)));
                text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence[1..]).Append(". ");
                words += length;
            }

            text.Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Distinct questions of four to seven words.</summary>
    public List<string> Questions(int count, int seed)
    {
        var random = new Random(seed);
        var questions = new HashSet<string>(StringComparer.Ordinal);
        while (questions.Count < count)
        {
            questions.Add("What about " + string.Join(' ', Enumerable.Range(0, 4 + random.Next(4)).Select(_ => Word(random))) + "?");
        }

        return [.. questions];
    }
}
