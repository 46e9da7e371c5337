using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SecureRag.Audit.Domain;

/// <summary>
/// HMAC-SHA256 over a record's canonical encoding followed by the previous record's HMAC. The encoding is
/// length-prefixed field by field (no separators that content could imitate), with details sorted by key, so the same
/// record always yields the same bytes however it was read back.
/// </summary>
public sealed class ChainHasher(ChainKeys keys)
{
    public const int HmacSize = 32;

    private static readonly byte[] Version = Encoding.ASCII.GetBytes("securerag.audit.record.v1");

    /// <summary>The previous HMAC of the first record.</summary>
    public static byte[] Genesis { get; } = new byte[HmacSize];

    public byte[] Compute(long sequence, RecordKind kind, DateTimeOffset recordedAt, AuditEntry entry, ReadOnlySpan<byte> previousHmac)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Version);
        WriteInt64(buffer, sequence);
        WriteInt64(buffer, (long)kind);
        WriteInt64(buffer, Microseconds.SinceEpoch(recordedAt));
        buffer.Write(entry.EventId.ToByteArray(bigEndian: true));
        WriteInt64(buffer, Microseconds.SinceEpoch(entry.OccurredAt));
        foreach (var field in (string?[])[
                     entry.TenantId, entry.ActorKind, entry.ActorId, entry.ActorOnBehalfOf, entry.Action, entry.Target,
                     entry.Outcome, entry.Reason, entry.ClientAddress, entry.AppId, entry.TraceId, entry.SpanId])
        {
            WriteString(buffer, field);
        }

        WriteInt64(buffer, entry.Details.Count);
        foreach (var (key, value) in entry.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            WriteString(buffer, key);
            WriteString(buffer, value);
        }

        buffer.Write(previousHmac);
        return HMACSHA256.HashData(keys.Records, buffer.WrittenSpan);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    /// <summary>A null and an empty string differ: -1 against 0 as the length.</summary>
    private static void WriteString(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            WriteInt64(buffer, -1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt64(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
