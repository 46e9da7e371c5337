namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>The result of recomputing the whole chain.</summary>
/// <param name="CheckpointSequence">The head recorded by the last signed checkpoint; 0 when none was found.</param>
/// <param name="Fault">The first broken, missing or reordered record; null when the chain is intact.</param>
public sealed record AuditVerificationDto(bool Ok, long RecordsChecked, long HeadSequence, long CheckpointSequence, ChainFaultDto? Fault);

/// <param name="Kind"><c>altered</c>, <c>missing</c>, <c>reordered</c>, <c>link_broken</c>, <c>checkpoint_mismatch</c>, <c>checkpoint_invalid</c> or <c>tombstone_invalid</c>.</param>
public sealed record ChainFaultDto(long Sequence, string Kind, string Reason);
