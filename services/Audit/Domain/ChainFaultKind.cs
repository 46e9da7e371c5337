namespace SecureRag.Audit.Domain;

public enum ChainFaultKind
{
    /// <summary>The record's content does not match its HMAC.</summary>
    Altered,

    /// <summary>The record is gone and no purge recorded its removal.</summary>
    Missing,

    /// <summary>An authentic record stands at the wrong position.</summary>
    Reordered,

    /// <summary>The record does not follow from the one before it.</summary>
    LinkBroken,

    /// <summary>The chain differs from the last signed checkpoint.</summary>
    CheckpointMismatch,

    /// <summary>The checkpoint file is unreadable or its signature is wrong.</summary>
    CheckpointInvalid,

    /// <summary>A removal is not attested by a purge record.</summary>
    TombstoneInvalid,
}
