using System.Text.Json;
using Npgsql;
using SecureRag.Audit.Domain;

namespace SecureRag.Audit.Infrastructure;

/// <summary>The events table's columns in one order, for COPY and for reading records back.</summary>
public static class AuditRecordColumns
{
    public const string Insert =
        "sequence, kind, recorded_at, event_id, occurred_at, tenant_id, actor_kind, actor_id, actor_on_behalf_of, action, " +
        "target, outcome, reason, client_address, app_id, trace_id, span_id, details, previous_hmac, hmac";

    public const string Select =
        "sequence, kind, recorded_at, event_id, occurred_at, tenant_id, actor_kind, actor_id, actor_on_behalf_of, action, " +
        "target, outcome, reason, client_address, app_id, trace_id, span_id, details::text, previous_hmac, hmac";

    public static AuditRecord Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        (RecordKind)reader.GetInt16(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        new AuditEntry(
            reader.GetGuid(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7),
            NullableString(reader, 8),
            reader.GetString(9),
            NullableString(reader, 10),
            reader.GetString(11),
            NullableString(reader, 12),
            NullableString(reader, 13),
            NullableString(reader, 14),
            NullableString(reader, 15),
            NullableString(reader, 16),
            JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(17)) ?? []),
        reader.GetFieldValue<byte[]>(18),
        reader.GetFieldValue<byte[]>(19));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
