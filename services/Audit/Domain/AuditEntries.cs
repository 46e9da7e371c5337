using System.Text;
using SecureRag.Contracts.Events;

namespace SecureRag.Audit.Domain;

public static class AuditEntries
{
    /// <summary>
    /// Maps an event to an entry without ever throwing, so one malformed event cannot poison a batch. PostgreSQL text
    /// cannot hold NUL characters or broken UTF-16; both are replaced before the HMAC is computed.
    /// </summary>
    public static AuditEntry FromEvent(AuditEventRaised e) => new(
        e.EventId,
        Microseconds.Truncate(e.OccurredAt),
        Clean(e.TenantId) ?? "",
        Clean(e.Actor?.Kind) ?? "anonymous",
        Clean(e.Actor?.Id) ?? "",
        Clean(e.Actor?.OnBehalfOf),
        Clean(e.Action) ?? "",
        Clean(e.Target),
        Clean(e.Outcome) ?? "",
        Clean(e.Reason),
        Clean(e.ClientAddress),
        Clean(e.AppId),
        Clean(e.TraceId),
        Clean(e.SpanId),
        (e.Details ?? new Dictionary<string, string>())
            .Where(d => d.Key is not null)
            .GroupBy(d => Clean(d.Key)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Clean(g.First().Value) ?? "", StringComparer.Ordinal));

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var valid = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
        return valid.Contains('\0', StringComparison.Ordinal) ? valid.Replace('\0', '\uFFFD') : valid;
    }
}
