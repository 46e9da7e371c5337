namespace SecureRag.Ingestion.Domain.Pipeline;

/// <summary>
/// A job that cannot succeed by retrying (the document cannot be parsed, a service refuses its content). The job is
/// failed with the reason and its message goes to the error queue; an administrator may re-queue it.
/// </summary>
public sealed class PoisonDocumentException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
