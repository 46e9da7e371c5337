using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Tests.Fixtures;

namespace SecureRag.Ingestion.Tests.Parsing;

/// <summary>
/// Decompression bombs are refused from a measuring pass, never by holding their output: the memory the parse
/// allocates stays far below what the bomb expands to (and below the 64 MB the issue allows).
/// </summary>
public sealed class BombTests
{
    private const long Expanded = 512L * 1024 * 1024;
    private const long MemoryBound = 64L * 1024 * 1024;

    [Fact]
    public void ZipBombDocxIsRefusedWithBoundedMemory()
    {
        var bomb = DocxFixtures.ZipBomb(Expanded);
        Assert.True(bomb.Length < 2 * 1024 * 1024);

        var (rejection, allocated) = Measure(() => Documents.Rejection(bomb, "bomb.docx", Limits.Default));

        Assert.Equal(RejectionCode.ExpansionLimit, rejection.Code);
        Assert.True(allocated < MemoryBound, $"allocated {allocated} bytes");
    }

    [Fact]
    public void ZipWithTooManyEntriesIsRefused() =>
        Assert.Equal(RejectionCode.ExpansionLimit, Documents.Rejection(DocxFixtures.ManyEntries(600), "many.docx", Limits.Tight).Code);

    [Fact]
    public void PdfWithACompressionBombStreamIsRefusedWithBoundedMemory()
    {
        var bomb = PdfFixtures.CompressionBomb(Expanded);
        Assert.True(bomb.Length < 2 * 1024 * 1024);

        var (rejection, allocated) = Measure(() => Documents.Rejection(bomb, "bomb.pdf", Limits.Default));

        Assert.Equal(RejectionCode.ExpansionLimit, rejection.Code);
        Assert.True(allocated < MemoryBound, $"allocated {allocated} bytes");
    }

    [Fact]
    public void PdfStreamsWithinTheLimitsAreDecoded() =>
        // A megabyte of spaces decodes (it is within the limits) and holds no text, so the refusal is "empty", not a bomb.
        Assert.Equal(RejectionCode.Empty, Documents.Rejection(PdfFixtures.CompressionBomb(1024 * 1024), "blank.pdf", Limits.Tight).Code);

    private static (T Result, long Allocated) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
