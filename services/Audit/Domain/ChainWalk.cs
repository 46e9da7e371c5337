using System.Security.Cryptography;

namespace SecureRag.Audit.Domain;

/// <summary>
/// Walks the chain in sequence order and finds the first fault: each record must carry the HMAC of its content and
/// the link before it; a gap must be a tombstone attested by a purge record's digest; the chain must reach and agree
/// with the signed checkpoint. Feed it records in order with <see cref="Accept"/> until it returns false, then call
/// <see cref="Finish"/>.
/// </summary>
public sealed class ChainWalk
{
    private readonly IReadOnlyList<Tombstone> _tombstones;
    private readonly Checkpoint? _checkpoint;
    private readonly Dictionary<long, string> _digests;
    private readonly HashSet<long> _attested = [];
    private readonly List<ChainFault> _faults = [];
    private int _nextTombstone;
    private long _expected = 1;
    private byte[] _previous = ChainHasher.Genesis;
    private bool _stopped;

    public ChainWalk(IReadOnlyList<Tombstone> tombstones, Checkpoint? checkpoint)
    {
        _tombstones = [.. tombstones.OrderBy(t => t.FirstSequence)];
        _checkpoint = checkpoint;
        _digests = _tombstones.GroupBy(t => t.PurgeSequence).ToDictionary(g => g.Key, g => Tombstones.Digest(g));
    }

    public long RecordsChecked { get; private set; }

    public long HeadSequence => _expected - 1;

    /// <summary>Set when a record does not follow its predecessor: the HMAC it claims to follow, to locate it.</summary>
    public byte[]? UnfollowedHmac { get; private set; }

    /// <param name="authentic">
    /// Whether the record's HMAC matches its content and its stored previous HMAC (<see cref="IsAuthentic"/>,
    /// computed ahead, in parallel). With the link to the record before it checked here, the two make the chain.
    /// </param>
    /// <returns>False once a fault stops the walk.</returns>
    public bool Accept(AuditRecord record, bool authentic)
    {
        if (_stopped || !BridgeTombstonesUpTo(record.Sequence))
        {
            return false;
        }

        if (record.Sequence < _expected)
        {
            return Stop(record.Sequence, ChainFaultKind.TombstoneInvalid, "A purge tombstone covers a stored record.");
        }

        if (record.Sequence > _expected)
        {
            return Stop(_expected, ChainFaultKind.Missing, $"Records {_expected} to {record.Sequence - 1} are missing and no purge recorded their removal.");
        }

        if (!record.PreviousHmac.AsSpan().SequenceEqual(_previous))
        {
            UnfollowedHmac = record.PreviousHmac;
            return Stop(record.Sequence, ChainFaultKind.LinkBroken, "The record does not follow the record before it.");
        }

        if (!authentic)
        {
            return Stop(record.Sequence, ChainFaultKind.Altered, "The record's content does not match its HMAC.");
        }

        if (record.Kind == RecordKind.Purge && !AttestPurge(record))
        {
            return false;
        }

        if (_checkpoint is not null && record.Sequence == _checkpoint.Sequence && !record.Hmac.AsSpan().SequenceEqual(_checkpoint.Hmac))
        {
            return Stop(record.Sequence, ChainFaultKind.CheckpointMismatch, "The record differs from the one the signed checkpoint names.");
        }

        _previous = record.Hmac;
        _expected++;
        RecordsChecked++;
        return true;
    }

    public static bool IsAuthentic(ChainHasher hasher, AuditRecord record) =>
        CryptographicOperations.FixedTimeEquals(
            hasher.Compute(record.Sequence, record.Kind, record.RecordedAt, record.Entry, record.PreviousHmac), record.Hmac);

    /// <summary>Classifies a broken link once the position of the HMAC it follows is known.</summary>
    public void LocateUnfollowed(long? position)
    {
        var last = _faults[^1];
        if (position is { } p && p != last.Sequence - 1)
        {
            _faults[^1] = last with { Kind = ChainFaultKind.Reordered, Reason = $"The record belongs after record {p}, not after {last.Sequence - 1}." };
        }
    }

    public ChainFault? Finish()
    {
        if (!_stopped)
        {
            BridgeTombstonesUpTo(long.MaxValue);
        }

        if (!_stopped && _checkpoint is not null && _checkpoint.Sequence > HeadSequence)
        {
            Stop(_expected, ChainFaultKind.Missing, $"Records {_expected} to {_checkpoint.Sequence} named by the signed checkpoint are missing.");
        }

        // A tombstone counts only if its purge record was reached and matched its digest.
        var reached = _faults.Count == 0 ? long.MaxValue : _faults[0].Sequence;
        foreach (var tombstone in _tombstones.Where(t => t.PurgeSequence < reached && !_attested.Contains(t.PurgeSequence)))
        {
            _faults.Add(new ChainFault(tombstone.FirstSequence, ChainFaultKind.TombstoneInvalid, $"The removal of records {tombstone.FirstSequence} to {tombstone.LastSequence} is not attested by a purge record."));
        }

        return _faults.MinBy(f => f.Sequence);
    }

    private bool BridgeTombstonesUpTo(long sequence)
    {
        while (_nextTombstone < _tombstones.Count && _tombstones[_nextTombstone].FirstSequence <= sequence)
        {
            var tombstone = _tombstones[_nextTombstone];
            if (tombstone.FirstSequence != _expected)
            {
                return tombstone.FirstSequence < _expected
                    ? Stop(tombstone.FirstSequence, ChainFaultKind.TombstoneInvalid, "A purge tombstone overlaps another record.")
                    : Stop(_expected, ChainFaultKind.Missing, $"Records {_expected} to {tombstone.FirstSequence - 1} are missing and no purge recorded their removal.");
            }

            if (_checkpoint is not null && _checkpoint.Sequence == tombstone.LastSequence && !tombstone.LastHmac.AsSpan().SequenceEqual(_checkpoint.Hmac))
            {
                return Stop(tombstone.LastSequence, ChainFaultKind.CheckpointMismatch, "The purged record differs from the one the signed checkpoint names.");
            }

            _previous = tombstone.LastHmac;
            _expected = tombstone.LastSequence + 1;
            _nextTombstone++;
        }

        return true;
    }

    private bool AttestPurge(AuditRecord record)
    {
        var claimed = record.Entry.Details.GetValueOrDefault(PurgeDetails.TombstonesSha256);
        var actual = _digests.GetValueOrDefault(record.Sequence) ?? Tombstones.Digest([]);
        if (string.Equals(claimed, actual, StringComparison.Ordinal))
        {
            _attested.Add(record.Sequence);
            return true;
        }

        var first = _tombstones.Where(t => t.PurgeSequence == record.Sequence).Select(t => t.FirstSequence).DefaultIfEmpty(record.Sequence).Min();
        return Stop(first, ChainFaultKind.TombstoneInvalid, $"The tombstones of purge record {record.Sequence} do not match its digest.");
    }

    private bool Stop(long sequence, ChainFaultKind kind, string reason)
    {
        _faults.Add(new ChainFault(sequence, kind, reason));
        _stopped = true;
        return false;
    }
}
