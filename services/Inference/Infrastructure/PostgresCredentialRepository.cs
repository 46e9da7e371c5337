using Dapper;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Inference.Infrastructure;

public sealed class PostgresCredentialRepository(ServiceDatabase database) : ICredentialRepository
{
    public async Task UpsertAsync(string name, string protectedValue, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO provider_credentials (name, protected_value) VALUES (@Name, @ProtectedValue)
            ON CONFLICT (name) DO UPDATE SET protected_value = excluded.protected_value, updated_at = now()
            """,
            new { Name = name, ProtectedValue = protectedValue }, cancellationToken: cancellationToken));
    }

    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT protected_value FROM provider_credentials WHERE name = @Name",
            new { Name = name }, cancellationToken: cancellationToken));
    }
}
