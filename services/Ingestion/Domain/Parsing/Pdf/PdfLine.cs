namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>One line of text on a page, in PDF user space (y grows upwards).</summary>
internal sealed record PdfLine(string Text, double Size, double Top, double Bottom)
{
    public double Height => Math.Max(Top - Bottom, 1);
}
