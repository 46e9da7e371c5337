using SecureRag.Hosting.Dashboard.Rendering;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>
/// The most recently active traces: root operation, start, duration, resources touched, span count and errors;
/// filtered by resource, operation text and errors; and a box to open a trace by its id.
/// </summary>
internal static class TracesPage
{
    public sealed record Filter(string? Resource, string? Text, bool ErrorsOnly);

    public static string Render(DashboardContext context, Filter filter)
    {
        var traces = Select(context.Telemetry, filter, context.Options.PageSize);
        return Layout.Page(context, "traces", "Traces", html =>
        {
            html.Raw("""
                <form class="filters" method="get" action="/traces/open">
                <label>Trace id <input type="search" name="id" placeholder="32 hex digits, e.g. a trace_id from an API response" size="40" required></label>
                <button type="submit">Open</button>
                </form>
                <form class="filters" method="get" action="/traces"><label>Resource <select name="resource"><option value="">All</option>
                """);
            foreach (var resource in context.Resources.GetSnapshots())
            {
                html.Append($"""<option value="{resource.Name}"{RawHtml.If(resource.Name == filter.Resource, " selected")}>{resource.Name}</option>""");
            }

            html.Append($"""
                </select></label>
                <label>Operation <input type="search" name="q" value="{filter.Text}" placeholder="contains…"></label>
                <label><input type="checkbox" name="errors" value="1"{RawHtml.If(filter.ErrorsOnly, " checked")}> errors only</label>
                <button type="submit">Filter</button>
                <span class="muted">showing {traces.Count} trace(s), most recently active first</span>
                </form>
                <table class="grid traces" id="trace-table"><thead><tr><th>Start</th><th>Root operation</th><th>Duration</th><th>Resources</th><th>Spans</th><th>Errors</th></tr></thead><tbody>
                """);
            foreach (var trace in traces)
            {
                html.Append($"""
                    <tr class="trace{RawHtml.If(trace.HasErrors, " error")}" data-trace-id="{trace.TraceId}">
                    <td class="ts">{Format.Time(trace.StartTime)}</td>
                    <td><a href="{Url.Trace(trace.TraceId)}">{trace.RootSpanName}</a> <span class="muted id">{trace.TraceId[..8]}</span></td>
                    <td class="num">{Format.Duration(trace.Duration)}</td><td>
                    """);
                foreach (var service in trace.Services)
                {
                    html.Append($"""<span class="src {Format.ColorClass(service)}">{service}</span> """);
                }

                html.Append($"""</td><td class="num">{trace.SpanCount}</td><td>{RawHtml.If(trace.HasErrors, "<span class=\"badge health-Unhealthy\">error</span>")}</td></tr>""");
            }

            html.Raw("</tbody></table>");
            if (traces.Count == 0)
            {
                html.Raw("""<p class="muted">No trace matches.</p>""");
            }
        });
    }

    public static IReadOnlyList<TraceSummary> Select(TelemetryStore store, Filter filter, int max)
    {
        if (string.IsNullOrEmpty(filter.Resource) && string.IsNullOrEmpty(filter.Text) && !filter.ErrorsOnly)
        {
            return store.GetTraces(max);
        }

        return store.GetTraces(max, t =>
            (string.IsNullOrEmpty(filter.Resource) || t.Services.Contains(filter.Resource, StringComparer.Ordinal))
            && (string.IsNullOrEmpty(filter.Text) || t.RootSpanName.Contains(filter.Text, StringComparison.OrdinalIgnoreCase))
            && (!filter.ErrorsOnly || t.HasErrors));
    }
}
