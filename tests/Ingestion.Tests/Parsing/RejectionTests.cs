using System.Text;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Tests.Fixtures;

namespace SecureRag.Ingestion.Tests.Parsing;

public sealed class RejectionTests
{
    [Theory]
    [InlineData("setup.exe", "application/octet-stream")]
    [InlineData("slides.pptx", "")]
    [InlineData("noextension", "")]
    public void UnknownFormatsAreUnsupported(string fileName, string contentType) =>
        Assert.Equal(RejectionCode.UnsupportedFormat, Documents.Rejection("hello"u8.ToArray(), fileName, contentType: contentType).Code);

    [Fact]
    public void ContentTypeDecidesWhenTheNameHasNoKnownExtension() =>
        Assert.Equal("hello", Documents.Read("hello"u8.ToArray(), "upload", contentType: "text/plain; charset=utf-8").Single().Text);

    [Fact]
    public void BinaryContentNamedAsTextIsUnsupported() =>
        Assert.Equal(RejectionCode.UnsupportedFormat, Documents.Rejection([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], "photo.txt").Code);

    [Fact]
    public void PdfThatDoesNotStartLikeOneIsCorrupt() =>
        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection("just text"u8.ToArray(), "report.pdf").Code);

    [Fact]
    public void DamagedPdfIsCorrupt() =>
        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage"u8.ToArray(), "report.pdf").Code);

    [Fact]
    public void PasswordProtectedPdfIsEncrypted()
    {
        var rejection = Documents.Rejection(PdfFixtures.PasswordProtected(), "secret.pdf");

        Assert.Equal(RejectionCode.Encrypted, rejection.Code);
        Assert.Contains("password", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordProtectedOfficeFileIsEncrypted() =>
        Assert.Equal(RejectionCode.Encrypted, Documents.Rejection(DocxFixtures.CompoundFile(encrypted: true), "secret.docx").Code);

    [Fact]
    public void LegacyWordFileIsUnsupported() =>
        Assert.Equal(RejectionCode.UnsupportedFormat, Documents.Rejection(DocxFixtures.CompoundFile(encrypted: false), "old.doc").Code);

    [Fact]
    public void DocxThatIsNotAZipIsCorrupt() =>
        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection("not a zip"u8.ToArray(), "spec.docx").Code);

    [Fact]
    public void TruncatedDocxIsCorrupt()
    {
        var docx = DocxFixtures.Structured();

        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection(docx[..(docx.Length / 2)], "spec.docx").Code);
    }

    [Fact]
    public void ZipWithoutAWordDocumentIsCorrupt() =>
        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection(DocxFixtures.ManyEntries(3), "sheet.docx").Code);

    [Fact]
    public void InvalidUtf8IsAnEncodingError() =>
        Assert.Equal(RejectionCode.Encoding, Documents.Rejection([(byte)'a', 0xC3, 0x28, (byte)'b'], "latin1.txt").Code);

    [Fact]
    public void Utf16WithByteOrderMarkIsRead() =>
        Assert.Equal("Grüße", Documents.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Grüße")], "de.txt").Single().Text);

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.md", "\n   \n\u200B\n")]
    [InlineData("scripts.html", "<script>x()</script><style>p{}</style>")]
    public void DocumentsWithoutTextAreEmpty(string fileName, string content) =>
        Assert.Equal(RejectionCode.Empty, Documents.Rejection(Encoding.UTF8.GetBytes(content), fileName).Code);

    [Fact]
    public void OversizedDocumentIsTooLarge() =>
        Assert.Equal(RejectionCode.TooLarge, Documents.Rejection(new byte[2048], "big.txt", new ParseLimits { MaxDocumentBytes = 1024 }).Code);

    [Fact]
    public void InvalidJsonIsCorrupt() =>
        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection("""{"a": [1, 2"""u8.ToArray(), "data.json").Code);

    [Fact]
    public void DeeplyNestedJsonHitsTheExpansionLimit() =>
        Assert.Equal(RejectionCode.ExpansionLimit, Documents.Rejection(Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100)), "deep.json").Code);

    [Fact]
    public void CsvEndingInsideAQuoteIsCorrupt() =>
        Assert.Equal(RejectionCode.Corrupt, Documents.Rejection("a,b\n\"open,1\n"u8.ToArray(), "data.csv").Code);
}
