namespace SecureRag.Gateway.Query.Dtos;

/// <summary>A passage the answer cites as <c>[Id]</c>.</summary>
/// <param name="Section">The heading path or section, when the document has one.</param>
/// <param name="Page">1-based page, when the format has pages.</param>
public sealed record CitationDto(string Id, string Document, string Title, string? Section, int? Page, string Snippet);
