namespace SecureRag.Audit.Domain;

/// <summary>The chain head at a moment, signed with the checkpoint key, kept outside the database.</summary>
public sealed record Checkpoint(long Sequence, byte[] Hmac, DateTimeOffset CreatedAt, byte[] Signature);
