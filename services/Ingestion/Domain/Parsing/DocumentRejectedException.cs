namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>The document cannot be ingested, for a reason the uploader can act on. The message never quotes content.</summary>
public sealed class DocumentRejectedException(RejectionCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    public RejectionCode Code { get; } = code;
}
