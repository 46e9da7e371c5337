using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Dashboard.Rendering;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>
/// The console output of one resource, one instance or all of them, filtered by text: the buffered lines, then every
/// new line as it is written (server-sent events from <c>/console/events</c>). The page keeps at most
/// <see cref="DashboardOptions.ConsoleLines"/> lines, dropping the oldest.
/// </summary>
internal static class ConsolePage
{
    public static string Render(DashboardContext context, string? source, string? text)
    {
        var lines = Lines(context, source, text, context.Options.ConsoleLines);
        var after = lines.Count == 0 ? LatestSequence(context) : lines[^1].Sequence;
        var live = Url.Of("/console/events", ("resource", source), ("q", text), ("after", after.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Layout.Page(context, "console", "Console logs", html =>
        {
            html.Raw("""<form class="filters" method="get" action="/console"><label>Resource <select name="resource"><option value="">All</option>""");
            foreach (var resource in context.Resources.GetSnapshots())
            {
                Option(html, resource.Name, resource.Name, source);
                if (resource.Instances.Count > 1)
                {
                    foreach (var instance in resource.Instances)
                    {
                        Option(html, instance.Name, "\u00a0\u00a0" + instance.Name, source);
                    }
                }
            }

            html.Append($"""
                </select></label>
                <label>Text <input type="search" name="q" value="{text}" placeholder="contains…"></label>
                <button type="submit">Filter</button>
                <span class="muted" id="console-status">{lines.Count} line(s); following live</span>
                </form>
                <div id="console" class="console" data-live="{live}" data-max="{context.Options.ConsoleLines}">
                """);
            foreach (var line in lines)
            {
                Line(html, line);
            }

            html.Raw("</div>");
        });
    }

    /// <summary>The last <paramref name="max"/> buffered lines that match, in the order they were written.</summary>
    public static IReadOnlyList<ConsoleLine> Lines(DashboardContext context, string? source, string? text, int max)
    {
        IEnumerable<ConsoleLine> lines = string.IsNullOrEmpty(source)
            ? context.Resources.GetSnapshots().SelectMany(r => context.ConsoleLogs.GetLines(r.Name)).OrderBy(l => l.Sequence)
            : context.ConsoleLogs.GetLines(source);
        if (!string.IsNullOrEmpty(text))
        {
            lines = lines.Where(l => l.Text.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        return [.. lines.TakeLast(max)];
    }

    /// <summary>Whether a line belongs to the resource or instance chosen and contains the text.</summary>
    public static bool Matches(ConsoleLine line, string? source, string? text) =>
        (string.IsNullOrEmpty(source) || line.Resource == source || line.Instance == source)
        && (string.IsNullOrEmpty(text) || line.Text.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static long LatestSequence(DashboardContext context) =>
        context.Resources.GetSnapshots().SelectMany(r => context.ConsoleLogs.Tail(r.Name, 1)).Select(l => l.Sequence).DefaultIfEmpty().Max();

    private static void Option(HtmlBuilder html, string value, string label, string? selected) =>
        html.Append($"""<option value="{value}"{RawHtml.If(value == selected, " selected")}>{label}</option>""");

    private static void Line(HtmlBuilder html, ConsoleLine line) =>
        html.Append($"""<div class="line{RawHtml.If(line.IsError, " err")}"><span class="ts">{Format.Time(line.Timestamp)}</span><span class="src {Format.ColorClass(line.Resource)}">{line.Instance}</span><span class="text">{line.Text}</span></div>""");
}
