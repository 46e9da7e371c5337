using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Tests.Chunking;

/// <summary>Random but reproducible documents: nested headings, short and long paragraphs, lists, tables.</summary>
public static class GeneratedDocument
{
    private static readonly string[] Words =
    [
        "data", "policy", "access", "tenant", "chunk", "vector", "review", "approval", "document", "search", "secure",
        "model", "index", "gateway", "service", "retention", "audit", "citation", "heading", "budget",
    ];

    public static IReadOnlyList<Block> Create(int seed)
    {
        var random = new Random(seed);
        var blocks = new List<Block>();
        var sections = random.Next(2, 6);
        for (var s = 0; s < sections; s++)
        {
            blocks.Add(Block.Heading($"Section {s} {Word(random)}", 1));
            var subsections = random.Next(0, 3);
            for (var t = 0; t <= subsections; t++)
            {
                if (t > 0)
                {
                    blocks.Add(Block.Heading($"Part {s}.{t} {Word(random)}", 2));
                }

                var count = random.Next(1, 6);
                for (var b = 0; b < count; b++)
                {
                    blocks.Add(random.Next(10) switch
                    {
                        < 6 => Block.Paragraph(Paragraph(random, random.Next(2, random.Next(10) < 2 ? 60 : 12))),
                        < 8 => Block.List([.. Enumerable.Range(0, random.Next(2, 30)).Select(_ => Sentence(random))]),
                        _ => Block.Table("key | value", [.. Enumerable.Range(0, random.Next(2, 40)).Select(i => $"{Word(random)}{i} | {Sentence(random)}")]),
                    });
                }
            }
        }

        return blocks;
    }

    private static string Paragraph(Random random, int sentences) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Sentence(random)));

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, random.Next(4, 18)).Select(_ => Word(random)).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];
}
