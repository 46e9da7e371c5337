namespace SecureRag.Audit.Infrastructure;

/// <summary>The checkpoint file's JSON shape.</summary>
public sealed record CheckpointFile(int Version, long Sequence, string Hmac, DateTimeOffset CreatedAt, string Signature);
