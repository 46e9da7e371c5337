using System.Text;
using SecureRag.Bench;

namespace SecureRag.Query.Bench;

/// <summary>
/// Deterministic English-like documents and questions from one vocabulary of pronounceable words (drawn with Zipf's
/// law), so questions share words with the passages and retrieval has something to rank.
/// </summary>
public sealed class Corpus
{
    private readonly ZipfVocabulary _vocabulary;

    public Corpus(int vocabulary = 20_000, int seed = 7) => _vocabulary = new ZipfVocabulary(vocabulary, seed);

    public string Word(Random random) => _vocabulary.Word(random);

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
