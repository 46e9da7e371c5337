using System.Data;
using Npgsql;

namespace SecureRag.ServiceDefaults.Data;

/// <summary>
/// The service's schema in the shared <c>securerag</c> database. The connection string's role can reach only this
/// schema; its search path selects it.
/// </summary>
public sealed class ServiceDatabase(NpgsqlDataSource dataSource)
{
    /// <summary>The name of the connection string every service reads.</summary>
    public const string ConnectionName = "securerag";

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; rolls back on any exception.</summary>
    public async Task<T> InTransactionAsync<T>(
        Func<DbSession, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
        var session = new DbSession(connection, transaction);
        var result = await work(session, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        session.Committed();
        return result;
    }

    public Task InTransactionAsync(
        Func<DbSession, CancellationToken, Task> work,
        CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted) =>
        InTransactionAsync<bool>(async (session, ct) =>
        {
            await work(session, ct);
            return true;
        }, cancellationToken, isolation);
}
