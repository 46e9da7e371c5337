namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="PurgeSequence">The audit record of this purge; null when nothing had expired.</param>
public sealed record AuditPurgeDto(long Removed, long? PurgeSequence);
