using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using SecureRag.Audit.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>Reads one tenant's records. Every statement is scoped by the tenant id the caller's credential carries.</summary>
public sealed class AuditRecords(ServiceDatabase database)
{
    public const int ExportPageSize = 1_000;

    /// <summary>A page of records, newest first, below <paramref name="before"/> when given.</summary>
    public async Task<AuditPage> QueryAsync(string tenantId, AuditFilter filter, long? before, int pageSize, CancellationToken cancellationToken)
    {
        var records = await ReadAsync(tenantId, filter, before, newestFirst: true, pageSize + 1, cancellationToken);
        return records.Count > pageSize
            ? new AuditPage(records.GetRange(0, pageSize), records[pageSize - 1].Sequence)
            : new AuditPage(records, null);
    }

    /// <summary>Every matching record, oldest first, read a page at a time.</summary>
    public async IAsyncEnumerable<AuditRecord> ExportAsync(
        string tenantId, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? after = null;
        while (true)
        {
            var page = await ReadAsync(tenantId, filter, after, newestFirst: false, ExportPageSize, cancellationToken);
            foreach (var record in page)
            {
                yield return record;
            }

            if (page.Count < ExportPageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    private async Task<List<AuditRecord>> ReadAsync(
        string tenantId, AuditFilter filter, long? boundary, bool newestFirst, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder($"SELECT {AuditRecordColumns.Select} FROM audit_events WHERE tenant_id = @tenant");
        command.Parameters.AddWithValue("tenant", tenantId);

        void Where(string condition, string name, object? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(condition);
                command.Parameters.AddWithValue(name, value);
            }
        }

        Where("occurred_at >= @from", "from", filter.From);
        Where("occurred_at < @to", "to", filter.To);
        Where("actor_id = @actor", "actor", filter.ActorId);
        Where("app_id = @app", "app", filter.AppId);
        Where("action = @action", "action", filter.Action);
        Where("outcome = @outcome", "outcome", filter.Outcome);
        Where("trace_id = @trace", "trace", filter.TraceId);
        Where(newestFirst ? "sequence < @boundary" : "sequence > @boundary", "boundary", boundary);
        sql.Append(newestFirst ? " ORDER BY sequence DESC" : " ORDER BY sequence").Append(" LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(AuditRecordColumns.Read(reader));
        }

        return records;
    }
}
