namespace SecureRag.Ingestion.Domain.Chunking;

internal enum PieceKind
{
    Heading,
    Content,
    Row,
    TableHeader,
    Overlap,
}
