using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Tests.Fixtures;

namespace SecureRag.Ingestion.Tests.Chunking;

/// <summary>Properties that hold for every generated document: budget, whole blocks, overlap, heading paths, table headers.</summary>
public sealed class ChunkerPropertyTests
{
    private const int Budget = 200;
    private const int OverlapBudget = 30;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryChunkIsWithinTheTokenBudget(int seed)
    {
        var chunks = Documents.Chunk(GeneratedDocument.Create(seed), Budget, OverlapBudget);

        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.InRange(Documents.Tokens.Count(c.Text), 1, Budget));
        Assert.All(chunks, c => Assert.Equal(Documents.Tokens.Count(c.Text), c.TokenCount));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BlocksThatFitAreNeverSplit(int seed)
    {
        var blocks = GeneratedDocument.Create(seed);
        var chunks = Documents.Chunk(blocks, Budget, OverlapBudget);

        foreach (var block in blocks.Where(b => b.Kind != BlockKind.Heading && Documents.Tokens.Count(b.Text) <= Budget - OverlapBudget - 2))
        {
            Assert.Contains(chunks, c => c.Text.Contains(block.Text, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryChunkCarriesTheHeadingPathOfItsText(int seed)
    {
        var blocks = GeneratedDocument.Create(seed);
        var chunks = Documents.Chunk(blocks, Budget, OverlapBudget);
        var path = new List<(int Level, string Text)>();
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                path.RemoveAll(h => h.Level >= block.Level);
                path.Add((block.Level, block.Text));
            }
            else
            {
                expected[block.Text] = [.. path.Select(h => h.Text)];
            }
        }

        foreach (var chunk in chunks)
        {
            var owner = expected.Keys.FirstOrDefault(text => chunk.Text.Contains(text, StringComparison.Ordinal));
            if (owner is not null)
            {
                Assert.Equal(expected[owner], chunk.HeadingPath);
            }
        }

        // A section's first chunk starts with its heading.
        foreach (var heading in blocks.Where(b => b.Kind == BlockKind.Heading))
        {
            Assert.Contains(chunks, c => c.Text.StartsWith(heading.Text + "\n\n", StringComparison.Ordinal) || c.HeadingPath[^1] == heading.Text);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ChunksContinuingAParagraphStartWithTheEndOfThePreviousOne(int seed)
    {
        var chunks = Documents.Chunk(GeneratedDocument.Create(seed), Budget, OverlapBudget);
        var continued = 0;
        for (var i = 1; i < chunks.Count; i++)
        {
            var (previous, current) = (chunks[i - 1], chunks[i]);
            if (!previous.HeadingPath.SequenceEqual(current.HeadingPath) || current.Text.Contains(" | ", StringComparison.Ordinal)
                || previous.Text.Contains(" | ", StringComparison.Ordinal) || current.StartOffset >= previous.EndOffset)
            {
                continue;
            }

            // The chunk starts inside the previous one's range: its first piece is overlap.
            var overlap = current.Text.Split("\n\n")[0];
            Assert.EndsWith(overlap, previous.Text, StringComparison.Ordinal);
            Assert.InRange(Documents.Tokens.Count(overlap), 1, OverlapBudget);
            continued++;
        }

        Assert.True(continued > 0 || chunks.Count < 4, "expected some continued sections");
    }

    [Fact]
    public void LongTablesRepeatTheirHeaderInEveryChunk()
    {
        var rows = Enumerable.Range(1, 120).Select(i => $"item {i} | {i * 3} units | stored in warehouse {i % 7}").ToArray();
        var chunks = Documents.Chunk([Block.Heading("Stock", 1), Block.Table("name | amount | place", rows)], Budget, OverlapBudget);

        Assert.True(chunks.Count > 3);
        Assert.StartsWith("Stock\n\nname | amount | place\nitem 1 |", chunks[0].Text, StringComparison.Ordinal);
        Assert.All(chunks.Skip(1), c => Assert.StartsWith("name | amount | place\nitem ", c.Text, StringComparison.Ordinal));
        Assert.Equal(rows.Length, chunks.Sum(c => c.Text.Split('\n').Count(l => l.StartsWith("item ", StringComparison.Ordinal))));
    }

    [Fact]
    public void AnOverlongSentenceIsCutAtTokenBoundaries()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("unbroken", 2_000));
        var chunks = Documents.Chunk([Block.Paragraph(sentence)], Budget, OverlapBudget);

        Assert.True(chunks.Count >= 10);
        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, Budget));
    }

    [Fact]
    public void OffsetsPointIntoTheNormalisedDocument()
    {
        var blocks = GeneratedDocument.Create(7);
        var document = string.Join(StructureChunker.BlockSeparator, blocks.Select(b => b.Text));
        var chunks = Documents.Chunk(blocks, Budget, OverlapBudget);

        foreach (var chunk in chunks.Where(c => !c.Text.Contains(" | ", StringComparison.Ordinal)))
        {
            var firstLine = chunk.Text.Split('\n')[0];
            Assert.Contains(firstLine, document.Substring(chunk.StartOffset, chunk.EndOffset - chunk.StartOffset), StringComparison.Ordinal);
        }
    }
}
