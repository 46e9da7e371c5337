using System.IO.Compression;
using System.Text;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>Files that try to exhaust a parser's memory while staying small on the wire.</summary>
public static class HostileFiles
{
    /// <summary>A .docx (a zip) whose document part inflates to <paramref name="expandedBytes"/> zero bytes.</summary>
    public static byte[] ZipBombDocx(long expandedBytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            WriteRepeated(entry, 0, expandedBytes);
        }

        return output.ToArray();
    }

    /// <summary>A one-page PDF whose content stream inflates to <paramref name="expandedBytes"/> spaces.</summary>
    public static byte[] CompressionBombPdf(long expandedBytes)
    {
        using var stream = new MemoryStream();
        using (var zlib = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            WriteRepeated(zlib, (byte)' ', expandedBytes);
        }

        byte[][] objects =
        [
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>"),
            [.. Ascii($"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n"), .. stream.ToArray(), .. Ascii("\nendstream")],
        ];
        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.7\n"));
        var table = new StringBuilder($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        for (var i = 0; i < objects.Length; i++)
        {
            table.Append($"{output.Position:D10} 00000 n \n");
            output.Write(Ascii($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        table.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    private static void WriteRepeated(Stream target, byte value, long count)
    {
        var block = new byte[1024 * 1024];
        Array.Fill(block, value);
        for (long written = 0; written < count; written += block.Length)
        {
            target.Write(block);
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
