using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SecureRag.Ingestion.Tests.Fixtures;

/// <summary>PDFs made in the test: with PdfPig's builder, or written object by object for the hostile ones.</summary>
public static class PdfFixtures
{
    /// <summary>Two pages: a large heading and body lines on each.</summary>
    public static byte[] TwoPages()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4);
        first.AddText("Introduction", 20, new PdfPoint(50, 780), font);
        first.AddText("The platform ingests documents of many formats.", 11, new PdfPoint(50, 740), font);
        first.AddText("Each chunk knows the page it came from.", 11, new PdfPoint(50, 726), font);
        var second = builder.AddPage(PageSize.A4);
        second.AddText("Security", 20, new PdfPoint(50, 780), font);
        second.AddText("Encrypted files are refused with a clear reason.", 11, new PdfPoint(50, 740), font);
        return builder.Build();
    }

    /// <summary>One page whose content stream inflates to <paramref name="expandedBytes"/> spaces.</summary>
    public static byte[] CompressionBomb(long expandedBytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < expandedBytes; written += spaces.Length)
            {
                zlib.Write(spaces);
            }
        }

        var stream = compressed.ToArray();
        return Build(
            [
                Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>"),
                [.. Ascii($"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n"), .. stream, .. Ascii("\nendstream")],
            ],
            "/Root 1 0 R");
    }

    /// <summary>A PDF with a standard security handler whose user password is not empty.</summary>
    public static byte[] PasswordProtected()
    {
        var owner = new string('A', 64);
        var user = new string('B', 64);
        return Build(
            [
                Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"),
                Ascii($"<< /Filter /Standard /V 1 /R 2 /O <{owner}> /U <{user}> /P -44 >>"),
            ],
            "/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Build(IReadOnlyList<byte[]> objects, string trailer)
    {
        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.7\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }
}
