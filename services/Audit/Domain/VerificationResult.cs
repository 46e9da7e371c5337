namespace SecureRag.Audit.Domain;

public sealed record VerificationResult(long RecordsChecked, long HeadSequence, long CheckpointSequence, ChainFault? Fault)
{
    public bool Ok => Fault is null;
}
