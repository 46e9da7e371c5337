using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>
/// PDF through PdfPig, page by page, with every stream decoded through the document's <see cref="DecodeBudget"/>.
/// A document that needs a password is refused as encrypted; one PdfPig cannot read, as corrupt.
/// </summary>
public sealed class PdfParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.Pdf;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        using var document = Open(content, limits);
        if (document.NumberOfPages > limits.MaxPages)
        {
            throw new DocumentRejectedException(RejectionCode.ExpansionLimit, $"The PDF has more than {limits.MaxPages} pages.");
        }

        long characters = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var block in ReadPage(document, number))
            {
                characters += block.Text.Length;
                if (characters > limits.MaxExtractedChars)
                {
                    throw new DocumentRejectedException(RejectionCode.ExpansionLimit, $"The document yields more than {limits.MaxExtractedChars} characters of text.");
                }

                yield return block;
            }
        }
    }

    private static PdfDocument Open(Stream content, ParseLimits limits)
    {
        try
        {
            return PdfDocument.Open(content, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = new BoundedFilterProvider(new DecodeBudget(limits)),
            });
        }
        catch (Exception ex) when (Translate(ex) is { } rejection)
        {
            throw rejection;
        }
    }

    private static IReadOnlyList<Block> ReadPage(PdfDocument document, int number)
    {
        try
        {
            return PdfPageLayout.Blocks(document.GetPage(number), number);
        }
        catch (Exception ex) when (Translate(ex, number) is { } rejection)
        {
            throw rejection;
        }
    }

    private static DocumentRejectedException? Translate(Exception ex, int? page = null) => ex switch
    {
        DocumentRejectedException => null,
        OperationCanceledException => null,
        OutOfMemoryException => null,
        PdfDocumentEncryptedException => new DocumentRejectedException(RejectionCode.Encrypted,
            "The PDF is password-protected; remove the password and upload it again.", ex),
        _ => new DocumentRejectedException(RejectionCode.Corrupt,
            page is null ? "The file cannot be read as a PDF." : $"Page {page} of the PDF cannot be read.", ex),
    };
}
