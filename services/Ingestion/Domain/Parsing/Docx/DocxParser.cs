using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace SecureRag.Ingestion.Domain.Parsing.Docx;

/// <summary>
/// Word .docx through the Open XML SDK: the package is checked by <see cref="ZipGuard"/> first, then the main document
/// part is read with the SDK's forward-only reader (never a whole DOM). Heading styles (by name or outline level)
/// become headings, numbered paragraphs list items, tables tables; explicit page breaks advance the page.
/// </summary>
public sealed class DocxParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.Docx;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        ZipGuard.Check(content, limits, cancellationToken);
        using var document = Open(content, limits);
        var main = document.MainDocumentPart
            ?? throw new DocumentRejectedException(RejectionCode.Corrupt, "The package has no Word document part (is it a spreadsheet or presentation?).");
        var headings = DocxHeadingStyles.Read(main.StyleDefinitionsPart);
        using var reader = OpenReader(main);
        var walker = new DocxWalker(headings, limits);
        while (Read(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            walker.Accept(reader);
            foreach (var block in walker.Drain())
            {
                yield return block;
            }
        }

        walker.Finish();
        foreach (var block in walker.Drain())
        {
            yield return block;
        }
    }

    private static WordprocessingDocument Open(Stream content, ParseLimits limits)
    {
        try
        {
            return WordprocessingDocument.Open(content, isEditable: false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = limits.MaxExpandedBytes,
            });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, "The file cannot be read as a Word document.", ex);
        }
    }

    private static OpenXmlReader OpenReader(MainDocumentPart main)
    {
        try
        {
            return OpenXmlReader.Create(main);
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, "The Word document's content cannot be read.", ex);
        }
    }

    private static bool Read(OpenXmlReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException or InvalidOperationException)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, "The Word document's content is damaged.", ex);
        }
    }
}
