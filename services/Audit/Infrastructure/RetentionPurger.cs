using System.Diagnostics;
using System.Globalization;
using Dapper;
using NpgsqlTypes;
using SecureRag.Audit.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// The one controlled path that removes records: under the chain lock, in one transaction, it writes tombstones for
/// the runs it removes, appends its own purge record (carrying the tombstones' digest) to the chain, and only then
/// deletes, which the delete trigger allows only for tombstoned records. Verification passes after a purge and fails
/// after any deletion that did not go through here. Purge records themselves are never purged: they attest the
/// tombstones.
/// </summary>
public sealed class RetentionPurger(ServiceDatabase database, ChainWriter writer, TimeProvider time, ILogger<RetentionPurger> logger)
{
    /// <summary>Records removed per transaction, so a first purge of a large backlog does not hold the lock long.</summary>
    public const int MaxPerTransaction = 50_000;

    public async Task<PurgeResult> PurgeAsync(string tenantId, DateTimeOffset cutoff, PurgeRequester requester, CancellationToken cancellationToken)
    {
        var total = PurgeResult.Nothing;
        while (true)
        {
            var result = await database.InTransactionAsync((s, ct) => PurgeOnceAsync(s, tenantId, cutoff, requester, ct), cancellationToken);
            if (result.Removed == 0)
            {
                return total;
            }

            total = new PurgeResult(total.Removed + result.Removed, result.PurgeSequence);
            logger.LogInformation(
                "Purged {Removed} audit records of tenant {TenantId} older than {Cutoff}; recorded at sequence {PurgeSequence}",
                result.Removed, tenantId, cutoff, result.PurgeSequence);
            if (result.Removed < MaxPerTransaction)
            {
                return total;
            }
        }
    }

    private async Task<PurgeResult> PurgeOnceAsync(DbSession session, string tenantId, DateTimeOffset cutoff, PurgeRequester requester, CancellationToken ct)
    {
        await ChainLock.AcquireAsync(session, ct);
        var removed = (await session.Connection.QueryAsync<(long Sequence, byte[] Hmac)>(new CommandDefinition(
            """
            SELECT sequence, hmac FROM audit_events
            WHERE tenant_id = @TenantId AND occurred_at < @Cutoff AND kind = @Kind
            ORDER BY sequence LIMIT @Limit
            """,
            new { TenantId = tenantId, Cutoff = cutoff, Kind = (short)RecordKind.Event, Limit = MaxPerTransaction },
            session.Transaction, cancellationToken: ct))).Select(r => new ChainHead(r.Sequence, r.Hmac)).ToList();
        if (removed.Count == 0)
        {
            return PurgeResult.Nothing;
        }

        var head = await ChainHeads.ReadAsync(session.Connection, session.Transaction, ct);
        var purgeSequence = head.Sequence + 1;
        var tombstones = Tombstones.FromRemoved(removed, purgeSequence);
        await InsertTombstonesAsync(session, tombstones, ct);

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PurgeDetails.Removed] = removed.Count.ToString(CultureInfo.InvariantCulture),
            [PurgeDetails.Runs] = tombstones.Count.ToString(CultureInfo.InvariantCulture),
            [PurgeDetails.Cutoff] = cutoff.ToString("O", CultureInfo.InvariantCulture),
            [PurgeDetails.TombstonesSha256] = Tombstones.Digest(tombstones),
        };
        var entry = new AuditEntry(
            Guid.CreateVersion7(), Microseconds.Truncate(time.GetUtcNow()), tenantId, requester.ActorKind, requester.ActorId,
            requester.OnBehalfOf, PurgeDetails.Action, "audit_events", "success", "retention", null, requester.AppId,
            Activity.Current?.TraceId.ToString(), Activity.Current?.SpanId.ToString(), details);
        var appended = await writer.AppendAsync(session, [entry], RecordKind.Purge, ct);
        if (appended is not [{ Sequence: var sequence }] || sequence != purgeSequence)
        {
            throw new InvalidOperationException("The purge record did not land where its tombstones point.");
        }

        // The owner's DELETE privilege is revoked; it is granted back for this statement only, inside this
        // transaction, and the delete trigger still refuses any record without a tombstone.
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            GRANT DELETE ON audit_events TO CURRENT_USER;
            DELETE FROM audit_events WHERE sequence = ANY(@Sequences);
            REVOKE DELETE ON audit_events FROM CURRENT_USER;
            """,
            new { Sequences = removed.Select(r => r.Sequence).ToArray() }, session.Transaction, cancellationToken: ct));
        return new PurgeResult(removed.Count, purgeSequence);
    }

    private static async Task InsertTombstonesAsync(DbSession session, IReadOnlyList<Tombstone> tombstones, CancellationToken ct)
    {
        await using var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY audit_tombstones (first_sequence, last_sequence, last_hmac, purge_sequence) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var tombstone in tombstones)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tombstone.FirstSequence, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(tombstone.LastSequence, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(tombstone.LastHmac, NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(tombstone.PurgeSequence, NpgsqlDbType.Bigint, ct);
        }

        await copy.CompleteAsync(ct);
    }
}
