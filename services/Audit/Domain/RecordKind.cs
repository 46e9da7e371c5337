namespace SecureRag.Audit.Domain;

/// <summary>
/// Set by the chain writer, never by the raiser: an event from the bus cannot pass itself off as a purge record,
/// which is what attests removals.
/// </summary>
public enum RecordKind
{
    Event,
    Purge,
}
