using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SecureRag.ServiceDefaults.Data;

/// <summary>
/// Applies pending migrations to the service's schema in one transaction, under an advisory lock so that replicas
/// starting together do not race: the first applies, the others wait and then find nothing to do.
/// </summary>
public sealed class MigrationRunner(ServiceDatabase database, IEnumerable<MigrationSource> sources, ILogger<MigrationRunner> logger)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await ApplyOnceAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not reachable for migrations ({Reason}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    private async Task ApplyOnceAsync(CancellationToken cancellationToken)
    {
        await database.InTransactionAsync(async (session, ct) =>
        {
            var connection = session.Connection;
            var schema = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition("SELECT current_schema()", transaction: session.Transaction, cancellationToken: ct))
                ?? throw new InvalidOperationException("The connection has no current schema: set 'Search Path' to the service's schema.");

            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtext('securerag.migrations.' || current_schema()))",
                transaction: session.Transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """,
                transaction: session.Transaction, cancellationToken: ct));

            var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT id FROM schema_migrations", transaction: session.Transaction, cancellationToken: ct))).ToHashSet();

            foreach (var migration in sources.SelectMany(s => s.Load()).Where(m => !applied.Contains(m.Id)))
            {
                logger.LogInformation("Applying migration {Migration} to schema {Schema}", migration.Id, schema);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: session.Transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (id) VALUES (@Id)", new { migration.Id },
                    transaction: session.Transaction, cancellationToken: ct));
            }
        }, cancellationToken);
    }
}
