namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// Turns one format into blocks, lazily and in reading order. <paramref name="content"/> is seekable (a local file).
/// Refusals are <see cref="DocumentRejectedException"/>, thrown while enumerating.
/// </summary>
public interface IDocumentParser
{
    DocumentFormat Format { get; }

    IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken);
}
