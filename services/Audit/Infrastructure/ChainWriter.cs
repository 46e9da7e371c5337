using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SecureRag.Audit.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// Extends the chain with a batch of entries in one transaction under the chain lock: entries already stored (by
/// event id) are skipped, the rest get the next sequences and their HMACs and are copied in with binary COPY.
/// Several replicas may call this at once; the lock makes them take turns, so the chain never forks.
/// </summary>
public sealed class ChainWriter(ServiceDatabase database, ChainHasher hasher, TimeProvider time)
{
    /// <returns>How many entries were new and appended.</returns>
    public async Task<int> AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var appended = await database.InTransactionAsync(
            (session, ct) => AppendAsync(session, entries, RecordKind.Event, ct), cancellationToken);
        return appended.Count;
    }

    /// <summary>Appends within the caller's transaction (the purge writes its own record this way).</summary>
    public async Task<IReadOnlyList<ChainHead>> AppendAsync(
        DbSession session, IReadOnlyList<AuditEntry> entries, RecordKind kind, CancellationToken cancellationToken)
    {
        var unique = entries.DistinctBy(e => e.EventId).ToList();
        var (stored, head) = await LockAndReadAsync(session, unique, cancellationToken);
        var fresh = stored.Count == 0 ? unique : [.. unique.Where(e => !stored.Contains(e.EventId))];
        if (fresh.Count == 0)
        {
            return [];
        }

        var recordedAt = Microseconds.Truncate(time.GetUtcNow());
        var links = new List<ChainHead>(fresh.Count);
        var (sequence, previous) = (head.Sequence, head.Hmac);

        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            $"COPY audit_events ({AuditRecordColumns.Insert}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var entry in fresh)
            {
                sequence++;
                var hmac = hasher.Compute(sequence, kind, recordedAt, entry, previous);
                await WriteRowAsync(copy, new AuditRecord(sequence, kind, recordedAt, entry, previous, hmac), cancellationToken);
                links.Add(new ChainHead(sequence, hmac));
                previous = hmac;
            }

            await copy.CompleteAsync(cancellationToken);
        }

        return links;
    }

    /// <summary>
    /// Takes the chain lock, then reads which entries are already stored and where the chain ends: one round trip,
    /// since the lock is held for every moment the next writer waits. Consistent because the lock is held.
    /// </summary>
    private static async Task<(HashSet<Guid> Stored, ChainHead Head)> LockAndReadAsync(
        DbSession session, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(session.Connection, session.Transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(ChainLock.Sql),
                new NpgsqlBatchCommand("SELECT event_id FROM audit_events WHERE event_id = ANY($1)")
                {
                    Parameters = { new NpgsqlParameter { Value = entries.Select(e => e.EventId).ToArray() } },
                },
                new NpgsqlBatchCommand(ChainHeads.Sql),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var stored = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetGuid(0));
        }

        await reader.NextResultAsync(cancellationToken);
        return (stored, await ChainHeads.ReadAsync(reader, cancellationToken));
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, AuditRecord record, CancellationToken ct)
    {
        var e = record.Entry;
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(record.Sequence, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync((short)record.Kind, NpgsqlDbType.Smallint, ct);
        await copy.WriteAsync(record.RecordedAt, NpgsqlDbType.TimestampTz, ct);
        await copy.WriteAsync(e.EventId, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct);
        foreach (var text in (string?[])[
                     e.TenantId, e.ActorKind, e.ActorId, e.ActorOnBehalfOf, e.Action, e.Target, e.Outcome, e.Reason,
                     e.ClientAddress, e.AppId, e.TraceId, e.SpanId])
        {
            await WriteTextAsync(copy, text, ct);
        }

        await copy.WriteAsync(JsonSerializer.Serialize(e.Details), NpgsqlDbType.Jsonb, ct);
        await copy.WriteAsync(record.PreviousHmac, NpgsqlDbType.Bytea, ct);
        await copy.WriteAsync(record.Hmac, NpgsqlDbType.Bytea, ct);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);
}
