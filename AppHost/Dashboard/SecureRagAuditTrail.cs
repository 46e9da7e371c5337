using System.Text;
using System.Text.Json;
using Npgsql;
using SecureRag.Hosting;
using SecureRag.Hosting.Dashboard;

namespace SecureRag.AppHost.Dashboard;

/// <summary>
/// The dashboard's view of the platform's audit trail, for the operator of the local platform (every tenant). Records
/// are read from the Audit service's own schema with the Audit service's own role, which may only read and append; the
/// chain is verified by the Audit service's own <c>verify</c> mode, run with the service's configuration (its chain key
/// and checkpoint file), so the dashboard reports exactly what the service's verifier finds and holds no copy of it.
/// </summary>
public sealed class SecureRagAuditTrail : IDashboardAuditTrail
{
    /// <summary>The project whose schema holds the trail and whose entry point verifies it.</summary>
    public const string AuditResource = "audit";

    private static readonly TimeSpan VerifyTimeout = TimeSpan.FromMinutes(2);

    public async Task<DashboardAuditPage> QueryAsync(DistributedApplication app, DashboardAuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = new NpgsqlConnection(app.GetDatabaseConnectionString(AuditResource));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder(
            "SELECT sequence, kind, recorded_at, occurred_at, tenant_id, actor_kind, actor_id, actor_on_behalf_of, action, target, outcome, " +
            "reason, client_address, app_id, trace_id, span_id, details::text FROM audit_events WHERE true");

        void Where(string condition, string name, object? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(condition);
                command.Parameters.AddWithValue(name, value);
            }
        }

        Where("tenant_id = @tenant", "tenant", query.TenantId);
        Where("actor_id = @actor", "actor", query.ActorId);
        Where("app_id = @app", "app", query.AppId);
        Where("action = @action", "action", query.Action);
        Where("outcome = @outcome", "outcome", query.Outcome);
        Where("trace_id = @trace", "trace", query.TraceId);
        Where("occurred_at >= @from", "from", query.From);
        Where("occurred_at < @to", "to", query.To);
        Where("sequence < @before", "before", query.BeforeSequence);
        sql.Append(" ORDER BY sequence DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", query.PageSize + 1);
        command.CommandText = sql.ToString();

        var records = new List<DashboardAuditRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(Read(reader));
            }
        }

        return records.Count > query.PageSize
            ? new DashboardAuditPage(records[..query.PageSize], records[query.PageSize - 1].Sequence)
            : new DashboardAuditPage(records, null);
    }

    public async Task<DashboardAuditVerification> VerifyAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        // `Audit.dll verify` exits 0 when the chain is intact, 1 when it is broken, 2 when it could not check it.
        var result = await app.RunProjectCommandAsync(AuditResource, ["verify"], VerifyTimeout, cancellationToken);
        var summary = result.Output.LastOrDefault(line => line.StartsWith("audit chain", StringComparison.Ordinal))
            ?? string.Join(" ", result.Output.TakeLast(5));
        var status = result.ExitCode switch
        {
            0 => AuditChainStatus.Intact,
            1 => AuditChainStatus.Broken,
            _ => AuditChainStatus.NotVerified,
        };
        return new DashboardAuditVerification(status, summary.Length == 0 ? $"exit code {result.ExitCode}" : summary, DateTimeOffset.UtcNow);
    }

    private static DashboardAuditRecord Read(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Kind = reader.GetInt16(1) == 1 ? "purge" : "event",
        RecordedAt = reader.GetFieldValue<DateTimeOffset>(2),
        OccurredAt = reader.GetFieldValue<DateTimeOffset>(3),
        TenantId = reader.GetString(4),
        ActorKind = reader.GetString(5),
        ActorId = reader.GetString(6),
        OnBehalfOf = Text(reader, 7),
        Action = reader.GetString(8),
        Target = Text(reader, 9),
        Outcome = reader.GetString(10),
        Reason = Text(reader, 11),
        ClientAddress = Text(reader, 12),
        AppId = Text(reader, 13),
        TraceId = Text(reader, 14),
        SpanId = Text(reader, 15),
        Details = Details(reader.GetString(16)),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // The service writes a flat string map; anything else is shown as its JSON rather than dropped.
    private static Dictionary<string, string> Details(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
                StringComparer.Ordinal)
            : new Dictionary<string, string> { ["details"] = json };
    }
}
