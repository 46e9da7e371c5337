using System.Text.Json;
using Dapper;
using SecureRag.Gateway.Query.Dtos;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Gateway.Query.Conversations;

/// <summary>
/// Conversations in the Gateway's own schema. Every read and write is scoped to the owner (tenant, principal and app):
/// another principal's conversation behaves exactly like one that does not exist.
/// </summary>
public sealed class ConversationStore(ServiceDatabase database, TimeProvider time)
{
    private const string Columns = "id AS Id, tenant_id AS TenantId, app_id AS AppId, principal_id AS PrincipalId, title AS Title, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<ConversationRecord> CreateAsync(string tenantId, string appId, string principalId, string title, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var record = new ConversationRecord(Guid.CreateVersion7(), tenantId, appId, principalId, title, now, now);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO conversations (id, tenant_id, app_id, principal_id, title, created_at, updated_at) VALUES (@Id, @TenantId, @AppId, @PrincipalId, @Title, @CreatedAt, @UpdatedAt)",
            record, cancellationToken: cancellationToken));
        return record;
    }

    public async Task<ConversationRecord?> FindAsync(string tenantId, string appId, string principalId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ConversationRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM conversations WHERE id = @Id AND tenant_id = @TenantId AND app_id = @AppId AND principal_id = @PrincipalId",
            new { Id = id, TenantId = tenantId, AppId = appId, PrincipalId = principalId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string tenantId, string appId, string principalId, int limit, Guid? after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ConversationRecord>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM conversations
            WHERE tenant_id = @TenantId AND principal_id = @PrincipalId AND app_id = @AppId AND (@After::uuid IS NULL OR id < @After)
            ORDER BY id DESC LIMIT @Limit
            """,
            new { TenantId = tenantId, AppId = appId, PrincipalId = principalId, After = after, Limit = limit }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<TurnRecord>> TurnsAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<TurnRecord>(new CommandDefinition(
            "SELECT ordinal AS Ordinal, role AS Role, content AS Content, citations::text AS Citations, trace_id AS TraceId, created_at AS CreatedAt FROM conversation_turns WHERE conversation_id = @Id ORDER BY ordinal",
            new { Id = conversationId }, cancellationToken: cancellationToken))];
    }

    /// <summary>Appends a question and its answer as the next two turns.</summary>
    public async Task AppendAsync(Guid conversationId, string question, string answer, IReadOnlyList<CitationDto> citations, string traceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await database.InTransactionAsync(async (session, ct) =>
        {
            var next = await session.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COALESCE(MAX(ordinal), -1) + 1 FROM conversation_turns WHERE conversation_id = @Id",
                new { Id = conversationId }, session.Transaction, cancellationToken: ct));
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO conversation_turns (conversation_id, ordinal, role, content, citations, trace_id, created_at)
                VALUES (@Id, @Ordinal, 'user', @Question, '[]', @TraceId, @Now), (@Id, @Ordinal + 1, 'assistant', @Answer, @Citations::jsonb, @TraceId, @Now)
                """,
                new { Id = conversationId, Ordinal = next, Question = question, Answer = answer, Citations = JsonSerializer.Serialize(citations, JsonSerializerOptions.Web), TraceId = traceId, Now = now },
                session.Transaction, cancellationToken: ct));
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE conversations SET updated_at = @Now WHERE id = @Id", new { Id = conversationId, Now = now }, session.Transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string tenantId, string appId, string principalId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM conversations WHERE id = @Id AND tenant_id = @TenantId AND app_id = @AppId AND principal_id = @PrincipalId",
            new { Id = id, TenantId = tenantId, AppId = appId, PrincipalId = principalId }, cancellationToken: cancellationToken)) > 0;
    }
}
