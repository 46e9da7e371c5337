namespace SecureRag.Ingestion.Domain.Parsing;

public static class DocumentFormats
{
    /// <summary>The short name stored with a version and shown by the API.</summary>
    public static string Name(this DocumentFormat format) => format switch
    {
        DocumentFormat.Text => "txt",
        DocumentFormat.Markdown => "md",
        DocumentFormat.Html => "html",
        DocumentFormat.Pdf => "pdf",
        DocumentFormat.Docx => "docx",
        DocumentFormat.Csv => "csv",
        DocumentFormat.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static DocumentFormat Parse(string name) => name switch
    {
        "txt" => DocumentFormat.Text,
        "md" => DocumentFormat.Markdown,
        "html" => DocumentFormat.Html,
        "pdf" => DocumentFormat.Pdf,
        "docx" => DocumentFormat.Docx,
        "csv" => DocumentFormat.Csv,
        "json" => DocumentFormat.Json,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown document format."),
    };
}
