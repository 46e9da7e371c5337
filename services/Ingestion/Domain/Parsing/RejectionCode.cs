namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>Why a document is refused; each has a stable code the API reports (see ingestion.proto).</summary>
public enum RejectionCode
{
    TooLarge,
    UnsupportedFormat,
    Encrypted,
    Corrupt,
    ExpansionLimit,
    Encoding,
    Empty,
}
