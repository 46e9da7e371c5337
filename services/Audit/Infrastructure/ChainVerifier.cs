using System.Data;
using Npgsql;
using SecureRag.Audit.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// Recomputes the whole chain from one consistent snapshot and reports the first fault. The checkpoint is read before
/// the snapshot is taken, so it can never name a record the snapshot is too old to contain.
/// </summary>
public sealed class ChainVerifier(ServiceDatabase database, ChainHasher hasher, CheckpointStore checkpoints)
{
    // One verification at a time per replica: it reads the whole table.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await VerifyOnceAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<VerificationResult> VerifyOnceAsync(CancellationToken cancellationToken)
    {
        var (checkpoint, checkpointFault) = await checkpoints.ReadAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        var walk = new ChainWalk(await ReadTombstonesAsync(connection, transaction, cancellationToken), checkpoint);
        await using (var command = new NpgsqlCommand(
            $"SELECT {AuditRecordColumns.Select} FROM audit_events ORDER BY sequence", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            // Reading and hashing overlap: while one chunk is authenticated on the thread pool, the next is read.
            var pending = Task.FromResult(new Chunk([], []));
            var more = true;
            while (more)
            {
                var records = new List<AuditRecord>(ChunkSize);
                while (records.Count < ChunkSize && (more = await reader.ReadAsync(cancellationToken)))
                {
                    records.Add(AuditRecordColumns.Read(reader));
                }

                if (!Walk(walk, await pending))
                {
                    break;
                }

                pending = Task.Run(() => Authenticate(records), cancellationToken);
            }

            Walk(walk, await pending);
        }

        if (walk.UnfollowedHmac is { } unfollowed)
        {
            walk.LocateUnfollowed(await LocateAsync(connection, transaction, unfollowed, cancellationToken));
        }

        var fault = walk.Finish();
        return new VerificationResult(walk.RecordsChecked, walk.HeadSequence, checkpoint?.Sequence ?? 0, checkpointFault ?? fault);
    }

    private const int ChunkSize = 4_096;

    private Chunk Authenticate(List<AuditRecord> records)
    {
        var authentic = new bool[records.Count];
        Parallel.For(0, records.Count, i => authentic[i] = ChainWalk.IsAuthentic(hasher, records[i]));
        return new Chunk(records, authentic);
    }

    private static bool Walk(ChainWalk walk, Chunk chunk)
    {
        for (var i = 0; i < chunk.Records.Count; i++)
        {
            if (!walk.Accept(chunk.Records[i], chunk.Authentic[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<List<Tombstone>> ReadTombstonesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT first_sequence, last_sequence, last_hmac, purge_sequence FROM audit_tombstones ORDER BY first_sequence",
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tombstones = new List<Tombstone>();
        while (await reader.ReadAsync(ct))
        {
            tombstones.Add(new Tombstone(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetInt64(3)));
        }

        return tombstones;
    }

    /// <summary>Where the record whose HMAC is <paramref name="hmac"/> stands now, if anywhere.</summary>
    private static async Task<long?> LocateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, byte[] hmac, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            (SELECT sequence FROM audit_events WHERE hmac = @hmac LIMIT 1)
            UNION ALL
            (SELECT last_sequence FROM audit_tombstones WHERE last_hmac = @hmac LIMIT 1)
            LIMIT 1
            """, connection, transaction);
        command.Parameters.AddWithValue("hmac", hmac);
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    private sealed record Chunk(List<AuditRecord> Records, bool[] Authentic);
}
