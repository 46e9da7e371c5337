namespace SecureRag.Audit.Domain;

/// <summary>
/// A run of consecutive sequences that a purge removed. Its last HMAC lets verification carry the chain across the
/// gap; the purge record at <see cref="PurgeSequence"/> attests the whole set of its tombstones by digest.
/// </summary>
public sealed record Tombstone(long FirstSequence, long LastSequence, byte[] LastHmac, long PurgeSequence);
