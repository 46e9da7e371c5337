using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SecureRag.Ingestion.Bench;

/// <summary>A text PDF of about the requested size: a heading and 50 lines of body text per page.</summary>
public static class PdfGenerator
{
    private static readonly string[] Words = ["policy", "data", "review", "access", "index", "tenant", "secure", "model", "search", "audit", "record", "risk"];

    public static byte[] Create(long targetBytes)
    {
        // A short trial gives the size of a page, so the real document is built in one go, a little under the target
        // (so "50 MB" stays within a 50 MiB upload limit).
        var perPage = Build(20).Length / 20.0;
        return Build((int)Math.Max(1, targetBytes * 0.97 / perPage));
    }

    private static byte[] Build(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var random = new Random(42);
        for (var page = 1; page <= pages; page++)
        {
            var builderPage = builder.AddPage(PageSize.A4);
            builderPage.AddText($"Chapter {page}", 18, new PdfPoint(50, 790), font);
            for (var line = 0; line < 50; line++)
            {
                builderPage.AddText(string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[random.Next(Words.Length)])) + ".", 10, new PdfPoint(50, 760 - (line * 14)), font);
            }
        }

        return builder.Build();
    }
}
