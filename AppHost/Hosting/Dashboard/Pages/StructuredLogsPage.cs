using SecureRag.Hosting.Dashboard.Rendering;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>
/// The log records the projects exported over OTLP, newest first: level, resource, message, attributes and a link to
/// the trace the record was written in; filtered by level, resource, text and trace id.
/// </summary>
internal static class StructuredLogsPage
{
    public sealed record Filter(string? Resource, string? Level, string? Text, string? TraceId);

    public static string Render(DashboardContext context, Filter filter)
    {
        var matching = Find(context.Telemetry, filter, context.Options.PageSize, out var total);
        var held = context.Telemetry.LogCount;
        return Layout.Page(context, "structured", "Structured logs", html =>
        {
            html.Raw("""<form class="filters" method="get" action="/structured"><label>Resource <select name="resource"><option value="">All</option>""");
            foreach (var service in context.Resources.GetSnapshots().Select(r => r.Name).Concat(context.Telemetry.GetServiceNames()).Distinct(StringComparer.Ordinal))
            {
                html.Append($"""<option value="{service}"{RawHtml.If(service == filter.Resource, " selected")}>{service}</option>""");
            }

            html.Raw("""</select></label><label>Level <select name="level"><option value="">Any</option>""");
            foreach (var (name, _) in LogLevels.All)
            {
                html.Append($"""<option value="{name}"{RawHtml.If(string.Equals(name, filter.Level, StringComparison.OrdinalIgnoreCase), " selected")}>{name} and above</option>""");
            }

            html.Append($"""
                </select></label>
                <label>Text <input type="search" name="q" value="{filter.Text}" placeholder="message or attribute contains…"></label>
                <label>Trace id <input type="search" name="trace" value="{filter.TraceId}" size="34"></label>
                <button type="submit">Filter</button>
                <span class="muted">{total} of {held} record(s) held match; showing the newest {matching.Count}</span>
                </form>
                <table class="grid logs" id="log-table"><thead><tr><th>Time</th><th>Level</th><th>Resource</th><th>Message</th><th>Trace</th></tr></thead><tbody>
                """);
            foreach (var log in matching)
            {
                Row(html, log, log.TraceId is { } id && context.Telemetry.ContainsTrace(id));
            }

            html.Raw("</tbody></table>");
            if (matching.Count == 0)
            {
                html.Raw("""<p class="muted">No log record matches.</p>""");
            }
        });
    }

    /// <summary>The newest records that pass the filter, newest first, and how many pass in all.</summary>
    public static IReadOnlyList<LogEntry> Find(TelemetryStore store, Filter filter, int max, out int total)
    {
        if (string.IsNullOrWhiteSpace(filter.TraceId))
        {
            return store.FindLogs(Matcher(filter), max, out total);
        }

        // A trace's records are indexed: no need to visit every record held.
        var matching = store.GetLogs(filter.TraceId.Trim()).Where(Matcher(filter)).Reverse().ToList();
        total = matching.Count;
        return matching.Count > max ? matching[..max] : matching;
    }

    /// <summary>Whether a record passes the filter: at or above the level, of the resource, containing the text, in the trace.</summary>
    public static Func<LogEntry, bool> Matcher(Filter filter)
    {
        var minimum = LogLevels.MinimumOf(filter.Level);
        var traceId = filter.TraceId?.Trim().ToLowerInvariant(); // the store keeps ids in lowercase hex
        return log => log.SeverityNumber >= minimum
            && (string.IsNullOrEmpty(filter.Resource) || log.ServiceName == filter.Resource)
            && (string.IsNullOrEmpty(traceId) || string.Equals(log.TraceId, traceId, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(filter.Text) || ContainsText(log, filter.Text));
    }

    private static bool ContainsText(LogEntry log, string text) =>
        log.Body.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (log.ScopeName?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || log.Attributes.Any(a => a.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || a.Value.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static void Row(HtmlBuilder html, LogEntry log, bool traceHeld)
    {
        var level = LogLevels.Of(log.SeverityNumber, log.SeverityText);
        html.Append($"""
            <tr class="log level-{level}"><td class="ts">{Format.Time(log.Timestamp)}</td><td><span class="badge level-{level}">{level}</span></td>
            <td><span class="src {Format.ColorClass(log.ServiceName)}">{log.ServiceInstanceId ?? log.ServiceName}</span></td>
            <td class="message"><details><summary>{log.Body}</summary><table class="attrs">
            """);
        if (log.ScopeName is not null)
        {
            html.Append($"""<tr><th>category</th><td>{log.ScopeName}</td></tr>""");
        }

        if (log.EventName is not null)
        {
            html.Append($"""<tr><th>event</th><td>{log.EventName}</td></tr>""");
        }

        foreach (var (key, value) in log.Attributes)
        {
            html.Append($"""<tr><th>{key}</th><td>{value}</td></tr>""");
        }

        html.Raw("</table></details></td><td>");
        if (log.TraceId is { } traceId)
        {
            // A record can name a trace whose spans were never exported (health checks are kept out of traces).
            if (traceHeld)
            {
                html.Append($"""<a class="trace-link" href="{Url.Trace(traceId)}" title="{traceId}">{traceId[..8]}…</a>""");
            }
            else
            {
                html.Append($"""<span class="muted id" title="{traceId}: no span of this trace is held">{traceId[..8]}…</span>""");
            }
        }

        html.Raw("</td></tr>");
    }
}
