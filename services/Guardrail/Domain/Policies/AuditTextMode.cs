namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>How much of the scanned text an audit event carries.</summary>
public enum AuditTextMode
{
    /// <summary>No text and no digest.</summary>
    Off,

    /// <summary>A SHA-256 digest of the text, to correlate repeated attacks without storing them (the default).</summary>
    Hashed,

    /// <summary>The text itself (truncated to 4,000 characters).</summary>
    Full,
}
