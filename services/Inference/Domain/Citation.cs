namespace SecureRag.Inference.Domain;

public sealed record Citation(string CitationId, string PassageId);
