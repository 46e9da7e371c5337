using System.Diagnostics;
using SecureRag.Hosting.Dashboard.Rendering;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>
/// One trace across services as a waterfall: each span under its parent, a bar for when it ran within the trace, and
/// its attributes, events and status when opened; then the trace's log records, and a link to its audit records.
/// </summary>
internal static class TracePage
{
    private const int MaxIndent = 20;

    public static string? Render(DashboardContext context, string traceId)
    {
        var spans = context.Telemetry.GetSpans(traceId);
        if (spans.Count == 0)
        {
            return null;
        }

        var ordered = Order(spans);
        var start = spans.Min(s => s.StartTime);
        var end = spans.Max(s => s.EndTime);
        var total = end > start ? end - start : TimeSpan.FromTicks(1);
        var root = ordered[0].Span;
        var services = spans.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).ToList();
        var errors = spans.Count(s => s.StatusCode == ActivityStatusCode.Error);
        var logs = context.Telemetry.GetLogs(traceId).TakeLast(context.Options.PageSize).ToList();

        return Layout.Page(context, "traces", $"Trace {root.Name}", html =>
        {
            html.Append($"""
                <dl class="facts" id="trace-facts" data-trace-id="{traceId}">
                <dt>Trace id</dt><dd class="id">{traceId}</dd>
                <dt>Started</dt><dd>{Format.DateTime(start)}</dd>
                <dt>Duration</dt><dd>{Format.Duration(end - start)}</dd>
                <dt>Spans</dt><dd>{spans.Count}</dd>
                <dt>Errors</dt><dd>{errors}</dd>
                <dt>Resources</dt><dd>
                """);
            foreach (var service in services)
            {
                html.Append($"""<span class="src {Format.ColorClass(service)}">{service}</span> """);
            }

            html.Append($"""
                </dd></dl>
                <p class="links"><a href="{Url.Of("/structured", ("trace", traceId))}">Log records of this trace</a>
                """);
            if (context.Audit is not null)
            {
                html.Append($""" · <a href="{Url.Of("/audit", ("trace", traceId))}">Audit records of this trace</a>""");
            }

            html.Raw("""</p><div class="waterfall" id="waterfall"><div class="wf-head"><span class="label">Span</span><span class="scale">""");
            for (var i = 0; i <= 4; i++)
            {
                html.Append($"""<span>{Format.Duration(total * i / 4)}</span>""");
            }

            html.Raw("</span></div>");
            foreach (var (span, depth) in ordered)
            {
                Span(html, span, depth, start, total);
            }

            html.Raw("</div>");
            if (logs.Count > 0)
            {
                html.Raw("""<h2>Log records</h2><table class="grid logs"><thead><tr><th>Time</th><th>Level</th><th>Resource</th><th>Message</th></tr></thead><tbody>""");
                foreach (var log in logs)
                {
                    var level = LogLevels.Of(log.SeverityNumber, log.SeverityText);
                    html.Append($"""<tr><td class="ts">{Format.Time(log.Timestamp)}</td><td><span class="badge level-{level}">{level}</span></td><td><span class="src {Format.ColorClass(log.ServiceName)}">{log.ServiceInstanceId ?? log.ServiceName}</span></td><td>{log.Body}</td></tr>""");
                }

                html.Raw("</tbody></table>");
            }
        });
    }

    /// <summary>Depth-first, children by start time; a span whose parent is not held counts as a root.</summary>
    public static List<(SpanRecord Span, int Depth)> Order(IReadOnlyList<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.StartTime).ToList(), StringComparer.Ordinal);
        var ordered = new List<(SpanRecord, int)>(spans.Count);
        var visited = new HashSet<SpanRecord>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(SpanRecord Span, int Depth)>();
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderByDescending(s => s.StartTime))
        {
            stack.Push((root, 0));
        }

        while (stack.TryPop(out var item))
        {
            if (!visited.Add(item.Span))
            {
                continue; // a span that names itself (or a cycle) as its parent
            }

            ordered.Add(item);
            if (children.TryGetValue(item.Span.SpanId, out var list))
            {
                foreach (var child in list)
                {
                    stack.Push((child, item.Depth + 1));
                }
            }
        }

        // Spans only reachable through a cycle have no root: list them at the end rather than lose them.
        ordered.AddRange(spans.Where(s => !visited.Contains(s)).Select(s => (s, 0)));
        return ordered;
    }

    private static void Span(HtmlBuilder html, SpanRecord span, int depth, DateTimeOffset traceStart, TimeSpan total)
    {
        var left = Percent((span.StartTime - traceStart) / total);
        var width = Math.Max(0.2, Percent(span.Duration / total));
        var color = Format.ColorClass(span.ServiceName);
        var error = span.StatusCode == ActivityStatusCode.Error;
        html.Append($"""
            <details class="span{RawHtml.If(error, " error")}" data-service="{span.ServiceName}" data-span-id="{span.SpanId}">
            <summary><span class="label d{Math.Min(depth, MaxIndent)}"><span class="src {color}">{span.ServiceName}</span> <span class="span-name">{span.Name}</span></span>
            <span class="bar-cell"><svg class="bar" width="100%" height="14" role="img" aria-label="{Format.Duration(span.Duration)}"><rect class="fill-{color}" x="{left:0.###}%" y="2" width="{width:0.###}%" height="10" rx="2"/></svg><span class="dur">{Format.Duration(span.Duration)}</span></span></summary>
            <table class="attrs">
            <tr><th>span id</th><td class="id">{span.SpanId}</td></tr>
            <tr><th>parent</th><td class="id">{span.ParentSpanId ?? "—"}</td></tr>
            <tr><th>kind</th><td>{span.Kind}</td></tr>
            <tr><th>status</th><td>{span.StatusCode}{(span.StatusMessage is null ? "" : ": " + span.StatusMessage)}</td></tr>
            <tr><th>instance</th><td>{span.ServiceInstanceId}</td></tr>
            <tr><th>scope</th><td>{span.ScopeName}</td></tr>
            <tr><th>start</th><td>{Format.Time(span.StartTime)} (+{Format.Duration(span.StartTime - traceStart)})</td></tr>
            """);
        foreach (var (key, value) in span.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            html.Append($"""<tr><th>{key}</th><td>{value}</td></tr>""");
        }

        foreach (var e in span.Events)
        {
            var attributes = string.Join(", ", e.Attributes.Select(a => $"{a.Key}={a.Value}"));
            html.Append($"""<tr class="event"><th>event +{Format.Duration(e.Time - traceStart)}</th><td>{e.Name}{(attributes.Length == 0 ? "" : " (" + attributes + ")")}</td></tr>""");
        }

        html.Raw("</table></details>");
    }

    private static double Percent(double fraction) => Math.Clamp(fraction * 100, 0, 100);
}
