namespace SecureRag.Ingestion.Domain.Parsing;

public enum DocumentFormat
{
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
    Csv,
    Json,
}
