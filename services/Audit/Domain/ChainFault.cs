namespace SecureRag.Audit.Domain;

/// <param name="Reason">Names positions only, never content, so any tenant's admin may read it.</param>
public sealed record ChainFault(long Sequence, ChainFaultKind Kind, string Reason);
