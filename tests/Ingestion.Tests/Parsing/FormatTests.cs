using System.Text;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Tests.Fixtures;

namespace SecureRag.Ingestion.Tests.Parsing;

public sealed class FormatTests
{
    [Fact]
    public void PlainTextBecomesParagraphsSeparatedByBlankLines()
    {
        var blocks = Documents.Read("First line\nstill first.\n\n\nSecond paragraph.\n", "notes.txt");

        Assert.Equal(["First line still first.", "Second paragraph."], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
    }

    [Fact]
    public void MarkdownKeepsHeadingsListsTablesAndCode()
    {
        const string markdown = """
            # Guide
            Intro with **bold** and a [link](https://example.com).

            ## Setup
            - install it
            - run it

            | Key | Value |
            |-----|-------|
            | a   | 1     |

            ```
            code  stays   spaced
            ```
            """;

        var blocks = Documents.Read(markdown, "guide.md");

        Assert.Equal(
            [BlockKind.Heading, BlockKind.Paragraph, BlockKind.Heading, BlockKind.List, BlockKind.Table, BlockKind.Code],
            blocks.Select(b => b.Kind));
        Assert.Equal("Intro with bold and a link.", blocks[1].Text);
        Assert.Equal(2, blocks[2].Level);
        Assert.Equal(["install it", "run it"], blocks[3].Rows!);
        Assert.Equal("Key | Value", blocks[4].Header);
        Assert.Equal(["a | 1"], blocks[4].Rows!);
        Assert.Equal("code  stays   spaced", blocks[5].Text);

        var chunks = Documents.Chunk(blocks);
        Assert.Equal(2, chunks.Count);
        Assert.Equal(["Guide"], chunks[0].HeadingPath);
        Assert.Equal(["Guide", "Setup"], chunks[1].HeadingPath);
        Assert.StartsWith("Setup\n\ninstall it\nrun it\n\nKey | Value\na | 1", chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlDropsScriptsAndStylesAndDecodesEntities()
    {
        const string html = """
            <html><head><title>T</title><style>body { color: red }</style>
            <script>alert('steal the prompt')</script></head>
            <body><h1>Policy &amp; Rules</h1><p>Keep   data
            safe.<!-- hidden note --></p><ul><li>One</li><li>Two <b>bold</b></li></ul>
            <table><tr><th>Name</th><th>Limit</th></tr><tr><td>Upload</td><td>50&nbsp;MB</td></tr></table>
            <noscript>enable js</noscript></body></html>
            """;

        var blocks = Documents.Read(html, "page.html");
        var all = string.Join("\n", blocks.Select(b => b.Text));

        Assert.DoesNotContain("alert", all, StringComparison.Ordinal);
        Assert.DoesNotContain("color", all, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden note", all, StringComparison.Ordinal);
        Assert.DoesNotContain("enable js", all, StringComparison.Ordinal);
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph, BlockKind.List, BlockKind.Table], blocks.Select(b => b.Kind));
        Assert.Equal("Policy & Rules", blocks[0].Text);
        Assert.Equal("Keep data safe.", blocks[1].Text);
        Assert.Equal(["One", "Two bold"], blocks[2].Rows!);
        Assert.Equal("Name | Limit", blocks[3].Header);
        Assert.Equal(["Upload | 50 MB"], blocks[3].Rows!);
    }

    [Fact]
    public void PdfPagesYieldHeadingsAndParagraphsWithTheirPage()
    {
        var blocks = Documents.Read(PdfFixtures.TwoPages(), "report.pdf");

        Assert.Equal(
            [(BlockKind.Heading, "Introduction", 1), (BlockKind.Paragraph, "The platform ingests documents of many formats. Each chunk knows the page it came from.", 1),
             (BlockKind.Heading, "Security", 2), (BlockKind.Paragraph, "Encrypted files are refused with a clear reason.", 2)],
            blocks.Select(b => (b.Kind, b.Text, b.Page ?? 0)));

        var chunks = Documents.Chunk(blocks);
        Assert.Equal(2, chunks.Count);
        Assert.Equal(["Introduction"], chunks[0].HeadingPath);
        Assert.Equal((1, 1), (chunks[0].PageStart, chunks[0].PageEnd));
        Assert.Equal(["Security"], chunks[1].HeadingPath);
        Assert.Equal(2, chunks[1].PageStart);
    }

    [Fact]
    public void DocxResolvesHeadingStylesListsTablesAndPages()
    {
        var blocks = Documents.Read(DocxFixtures.Structured(), "spec.docx");

        Assert.Equal(
            [(BlockKind.Heading, "Overview", 1), (BlockKind.Paragraph, "SecureRag keeps documents private.", 1), (BlockKind.List, "First point\nSecond point", 1),
             (BlockKind.Heading, "Details", 1), (BlockKind.Table, "Name | Value\nLimit | 50 MB", 1), (BlockKind.Paragraph, "Text on the second page.", 2)],
            blocks.Select(b => (b.Kind, b.Text, b.Page ?? 0)));
        Assert.Equal([1, 2], blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Level));

        var chunks = Documents.Chunk(blocks);
        Assert.Equal([["Overview"], ["Overview", "Details"]], chunks.Select(c => c.HeadingPath));
        Assert.Equal((1, 2), (chunks[1].PageStart, chunks[1].PageEnd));
    }

    [Fact]
    public void CsvRowsBecomeTablesWithQuotedFieldsAndRowSections()
    {
        var csv = new StringBuilder("name;comment\n");
        csv.Append("\"Smith; John\";\"said \"\"hi\"\"\nthen left\"\n");
        for (var i = 0; i < 150; i++)
        {
            csv.Append($"row{i};value {i}\n");
        }

        var blocks = Documents.Read(csv.ToString(), "people.csv");

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, b => Assert.Equal("name | comment", b.Header));
        Assert.Equal("Smith; John | said \"hi\" then left", blocks[0].Rows![0]);
        Assert.Equal(("rows 2-101", "rows 102-152"), (blocks[0].Section, blocks[1].Section));

        var chunks = Documents.Chunk(blocks, chunkTokens: 200, overlapTokens: 20);
        Assert.True(chunks.Count > 2);
        Assert.All(chunks, c => Assert.StartsWith("name | comment\n", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Matches(@"^rows \d+-\d+$", c.Section!));
    }

    [Fact]
    public void JsonBecomesOneRecordPerTopLevelElementWithItsPath()
    {
        const string json = """[{"name":"alpha","tags":["a","b"],"owner":{"id":7}},{"name":"beta","active":true}]""";

        var blocks = Documents.Read(json, "items.json");

        Assert.Equal(2, blocks.Count);
        Assert.Equal(["name: alpha", "tags[0]: a", "tags[1]: b", "owner.id: 7"], blocks[0].Rows!);
        Assert.Equal(("$[0]", "$[1]"), (blocks[0].Section, blocks[1].Section));
        Assert.Equal(["name: beta", "active: true"], blocks[1].Rows!);
    }
}
