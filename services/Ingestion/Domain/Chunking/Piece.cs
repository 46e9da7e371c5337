namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>A unit the chunker places whole: a block, or a row, sentence or slice of one that did not fit.</summary>
internal sealed record Piece(string Text, int Tokens, int Start, int End, int? Page, string? Section, PieceKind Kind, string? TableHeader = null);
