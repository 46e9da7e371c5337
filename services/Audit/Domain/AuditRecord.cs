namespace SecureRag.Audit.Domain;

/// <summary>One stored link of the chain: an entry at its sequence, with its HMAC and the one before it.</summary>
public sealed record AuditRecord(
    long Sequence,
    RecordKind Kind,
    DateTimeOffset RecordedAt,
    AuditEntry Entry,
    byte[] PreviousHmac,
    byte[] Hmac);
