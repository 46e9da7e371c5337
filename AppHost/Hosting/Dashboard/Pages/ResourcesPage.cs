using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Dashboard.Rendering;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>
/// Every resource: kind, state, health, replicas, restarts, uptime, endpoints, the environment it was given (secrets
/// masked), and buttons to stop, start and restart it. The table follows state changes live (see dashboard.js).
/// </summary>
internal static class ResourcesPage
{
    public static string Render(DashboardContext context) =>
        Layout.Page(context, "resources", "Resources", html =>
        {
            html.Raw("""<section id="resources" data-live="/resources/events" data-fragment="/?fragment=table">""");
            Table(context, html);
            html.Raw("</section>");
        });

    public static string RenderTable(DashboardContext context)
    {
        var html = new HtmlBuilder();
        Table(context, html);
        return html.ToString();
    }

    /// <summary>How a state reads as health: only a passing health check is healthy; a stopped or failing resource is not.</summary>
    public static string Health(ResourceState state) => state switch
    {
        ResourceState.Healthy => "Healthy",
        ResourceState.Unhealthy or ResourceState.Failed or ResourceState.Stopped or ResourceState.Stopping or ResourceState.Restarting => "Unhealthy",
        _ => "Pending",
    };

    private static void Table(DashboardContext context, HtmlBuilder html)
    {
        var now = context.Time.GetUtcNow();
        html.Raw("""
            <table class="grid" id="resource-table">
            <thead><tr><th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>Replicas</th><th>Restarts</th><th>Uptime</th><th>Endpoints</th><th>Actions</th></tr></thead>
            """);
        foreach (var resource in context.Resources.GetSnapshots())
        {
            var state = resource.State;
            var health = Health(state);
            var healthy = resource.Instances.Count(i => i.State == ResourceState.Healthy);
            var restarts = resource.Instances.Sum(i => i.RestartCount);
            var started = resource.Instances.Where(IsRunning).Select(i => i.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
            var uptime = started == default ? "—" : Format.Uptime(now - started);
            html.Append($"""
                <tbody class="resource" id="resource-{resource.Name}" data-resource="{resource.Name}" data-state="{state}" data-health="{health}">
                <tr>
                <td class="name"><a href="{Url.Of("/console", ("resource", resource.Name))}" title="Console logs">{resource.Name}</a></td>
                <td>{resource.ResourceType}</td>
                <td class="state"><span class="badge state-{state}">{state}</span>{Message(resource.Message)}</td>
                <td class="health"><span class="badge health-{health}">{health}</span></td>
                <td class="replicas">{healthy}/{resource.Instances.Count}</td>
                <td class="restarts">{restarts}</td>
                <td class="uptime">{uptime}</td>
                <td class="endpoints">
                """);
            foreach (var instance in resource.Instances)
            {
                foreach (var (name, uri) in instance.Endpoints.OrderBy(e => e.Key == "http" ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal))
                {
                    Endpoint(html, name, resource.Instances.Count > 1 ? $"{instance.Name} {name}" : name, uri);
                }
            }

            html.Raw("""</td><td class="actions">""");
            Actions(html, resource.Name, state);
            html.Append($"""
                </td></tr>
                <tr class="more"><td colspan="9"><details id="details-{resource.Name}"><summary>Instances and environment</summary>
                """);
            Instances(html, resource, now);
            Environment(html, resource);
            html.Raw("</details></td></tr></tbody>");
        }

        html.Raw("</table>");
    }

    private static RawHtml Message(string? message)
    {
        if (message is null)
        {
            return RawHtml.Empty;
        }

        var html = new HtmlBuilder();
        html.Append($"""<div class="message">{message}</div>""");
        return new RawHtml(html.ToString());
    }

    private static void Endpoint(HtmlBuilder html, string name, string label, Uri uri)
    {
        if (uri.Scheme is "http" or "https")
        {
            html.Append($"""<a class="endpoint" data-endpoint="{name}" href="{uri}" target="_blank" rel="noopener noreferrer">{label}: {uri.Authority}</a> """);
        }
        else
        {
            html.Append($"""<span class="endpoint" data-endpoint="{name}">{label}: {uri.Authority}</span> """);
        }
    }

    private static void Actions(HtmlBuilder html, string resource, ResourceState state)
    {
        var stopped = state is ResourceState.Stopped or ResourceState.Failed or ResourceState.NotStarted;
        if (stopped)
        {
            html.Append($"""<form method="post" action="/resources/{resource}/start"><button class="start" data-action="start">Start</button></form>""");
        }
        else
        {
            html.Append($"""<form method="post" action="/resources/{resource}/stop"><button class="stop" data-action="stop">Stop</button></form>""");
        }

        html.Append($"""<form method="post" action="/resources/{resource}/restart"><button class="restart" data-action="restart">Restart</button></form>""");
    }

    private static void Instances(HtmlBuilder html, ResourceSnapshot resource, DateTimeOffset now)
    {
        html.Raw("""<table class="grid inner"><thead><tr><th>Instance</th><th>State</th><th>Process</th><th>Restarts</th><th>Uptime</th><th>Last exit code</th><th>Message</th></tr></thead><tbody>""");
        foreach (var instance in resource.Instances)
        {
            var uptime = IsRunning(instance) && instance.StartedAt is { } started ? Format.Uptime(now - started) : "—";
            html.Append($"""
                <tr><td>{instance.Name}</td><td><span class="badge state-{instance.State}">{instance.State}</span></td>
                <td>{instance.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td><td>{instance.RestartCount}</td><td>{uptime}</td>
                <td>{instance.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td><td>{instance.Message}</td></tr>
                """);
        }

        html.Raw("</tbody></table>");
    }

    private static void Environment(HtmlBuilder html, ResourceSnapshot resource)
    {
        var instance = resource.Instances.FirstOrDefault(i => i.Environment.Count > 0);
        if (instance is null)
        {
            html.Raw("""<p class="muted">No process environment (not started yet, or a resource without a process).</p>""");
            return;
        }

        html.Append($"""<table class="grid inner env"><caption>Environment of {instance.Name} (set by the AppHost; secrets masked)</caption><tbody>""");
        foreach (var (name, value) in instance.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            html.Append($"""<tr><th>{name}</th><td>{SecretMasker.MaskValue(name, value) ?? "(removed)"}</td></tr>""");
        }

        html.Raw("</tbody></table>");
    }

    private static bool IsRunning(InstanceSnapshot instance) =>
        instance.ProcessId is not null && instance.State is ResourceState.Running or ResourceState.Healthy or ResourceState.Unhealthy;
}
