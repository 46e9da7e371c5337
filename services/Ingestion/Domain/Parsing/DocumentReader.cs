using SecureRag.Ingestion.Domain.Normalization;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// Format detection, the format's parser and normalisation, as one lazy sequence of blocks. A document that yields no
/// text at all (a scanned PDF, an empty file) is refused as empty.
/// </summary>
public sealed class DocumentReader(IEnumerable<IDocumentParser> parsers)
{
    private readonly Dictionary<DocumentFormat, IDocumentParser> _parsers = parsers.ToDictionary(p => p.Format);

    /// <summary>The file's format, from its name and type checked against its first bytes.</summary>
    public static DocumentFormat Detect(Stream content, string fileName, string? contentType)
    {
        var head = new byte[FormatDetector.HeadLength];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var format = FormatDetector.Detect(fileName, contentType, head.AsSpan(0, length), () => FormatDetector.ContainsEncryptedPackage(content));
        content.Position = 0;
        return format;
    }

    public IEnumerable<Block> Read(Stream content, DocumentFormat format, ParseLimits limits, CancellationToken cancellationToken)
    {
        if (content.Length > limits.MaxDocumentBytes)
        {
            throw new DocumentRejectedException(RejectionCode.TooLarge, $"The file is larger than {limits.MaxDocumentBytes} bytes.");
        }

        content.Position = 0;
        var any = false;
        foreach (var block in _parsers[format].Parse(content, limits, cancellationToken))
        {
            if (TextNormalizer.Normalize(block) is { } normalized)
            {
                any = true;
                yield return normalized;
            }
        }

        if (!any)
        {
            throw new DocumentRejectedException(RejectionCode.Empty,
                format == DocumentFormat.Pdf ? "The PDF has no extractable text (scanned pages need OCR first)." : "The document has no text.");
        }
    }

    /// <summary>
    /// Reads the whole document once and discards the text: every refusal (corrupt, encrypted, bomb, empty) surfaces
    /// here, before anything is stored.
    /// </summary>
    public DocumentFormat Validate(Stream content, string fileName, string? contentType, ParseLimits limits, CancellationToken cancellationToken)
    {
        var format = Detect(content, fileName, contentType);
        foreach (var _ in Read(content, format, limits, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        content.Position = 0;
        return format;
    }

    /// <summary>The built-in parsers, one per format.</summary>
    public static IReadOnlyList<IDocumentParser> BuiltInParsers() =>
    [
        new PlainTextParser(),
        new MarkdownParser(),
        new HtmlParser(),
        new Pdf.PdfParser(),
        new Docx.DocxParser(),
        new CsvParser(),
        new JsonParser(),
    ];
}
