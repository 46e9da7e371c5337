using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SecureRag.Ingestion.Tests.Fixtures;

/// <summary>Word documents built with the Open XML SDK, and hostile zip packages written by hand.</summary>
public static class DocxFixtures
{
    /// <summary>A heading style with a localised id (resolved by its name), a list, a table and a page break.</summary>
    public static byte[] Structured()
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Berschrift1" },
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
            main.Document = new Document(new Body(
                Paragraph("Overview", "Berschrift1"),
                Paragraph("SecureRag keeps documents private."),
                ListItem("First point"),
                ListItem("Second point"),
                Paragraph("Details", "Heading2"),
                new Table(
                    new TableRow(Cell("Name"), Cell("Value")),
                    new TableRow(Cell("Limit"), Cell("50 MB"))),
                new Paragraph(new Run(new Break { Type = BreakValues.Page })),
                Paragraph("Text on the second page.")));
        }

        return output.ToArray();
    }

    /// <summary>A zip whose one entry inflates to <paramref name="expandedBytes"/> zero bytes.</summary>
    public static byte[] ZipBomb(long expandedBytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < expandedBytes; written += zeros.Length)
            {
                entry.Write(zeros);
            }
        }

        return output.ToArray();
    }

    public static byte[] ManyEntries(int count)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                zip.CreateEntry($"e/{i}.xml").Open().Dispose();
            }
        }

        return output.ToArray();
    }

    /// <summary>An OLE compound file as Office writes a password-protected document (MS-OFFCRYPTO), or a legacy .doc.</summary>
    public static byte[] CompoundFile(bool encrypted)
    {
        var bytes = new byte[4096];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        var name = System.Text.Encoding.Unicode.GetBytes(encrypted ? "EncryptedPackage" : "WordDocument");
        name.CopyTo(bytes, 1024);
        return bytes;
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text)));
        return paragraph;
    }

    private static Paragraph ListItem(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
            new Run(new Text(text)));

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));
}
