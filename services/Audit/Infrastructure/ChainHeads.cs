using Npgsql;
using SecureRag.Audit.Domain;

namespace SecureRag.Audit.Infrastructure;

public static class ChainHeads
{
    /// <summary>
    /// The newest link, stored or purged. A purge always appends its own record after what it removed, so the newest
    /// link is normally a stored record; the tombstones are read too so that this holds without relying on it.
    /// </summary>
    public static async Task<ChainHead> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    public const string Sql =
        """
        SELECT sequence, hmac FROM (
            (SELECT sequence, hmac FROM audit_events ORDER BY sequence DESC LIMIT 1)
            UNION ALL
            (SELECT last_sequence, last_hmac FROM audit_tombstones ORDER BY last_sequence DESC LIMIT 1)) head
        ORDER BY sequence DESC LIMIT 1
        """;

    public static async Task<ChainHead> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? new ChainHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : ChainHead.Empty;
}
