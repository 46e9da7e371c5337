using Dapper;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// One writer extends the chain at a time, across every replica: a transaction-scoped advisory lock, released at
/// commit or rollback, so a crashed writer never leaves it held. Re-entrant within the transaction.
/// </summary>
public static class ChainLock
{
    public const string Sql = "SELECT pg_advisory_xact_lock(hashtext('securerag.audit.chain.' || current_schema()))";

    public static Task AcquireAsync(DbSession session, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            Sql,
            transaction: session.Transaction, cancellationToken: cancellationToken));
}
