using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SecureRag.Audit.Domain;

public static class Tombstones
{
    /// <summary>Groups removed records (in sequence order) into runs of consecutive sequences.</summary>
    public static IReadOnlyList<Tombstone> FromRemoved(IReadOnlyList<ChainHead> removed, long purgeSequence)
    {
        var runs = new List<Tombstone>();
        for (var i = 0; i < removed.Count; i++)
        {
            var first = removed[i].Sequence;
            while (i + 1 < removed.Count && removed[i + 1].Sequence == removed[i].Sequence + 1)
            {
                i++;
            }

            runs.Add(new Tombstone(first, removed[i].Sequence, removed[i].Hmac, purgeSequence));
        }

        return runs;
    }

    /// <summary>SHA-256 over the runs in sequence order; the purge record carries it in its HMAC-covered details.</summary>
    public static string Digest(IEnumerable<Tombstone> tombstones)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> numbers = stackalloc byte[16];
        foreach (var tombstone in tombstones.OrderBy(t => t.FirstSequence))
        {
            BinaryPrimitives.WriteInt64BigEndian(numbers, tombstone.FirstSequence);
            BinaryPrimitives.WriteInt64BigEndian(numbers[8..], tombstone.LastSequence);
            hash.AppendData(numbers);
            hash.AppendData(tombstone.LastHmac);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
