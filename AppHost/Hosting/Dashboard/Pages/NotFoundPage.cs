namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>A trace the store does not hold (never received, or dropped as the oldest).</summary>
internal static class NotFoundPage
{
    public static string Trace(DashboardContext context, string traceId) =>
        Layout.Page(context, "traces", "Trace not found", html => html.Append($"""
            <p class="problem" id="trace-not-found">No span of trace <code>{traceId}</code> is held. The AppHost keeps the most recent spans only
            (the oldest are dropped); or the trace id is mistyped, or its spans have not been exported yet.</p>
            <p><a href="/traces">All traces</a></p>
            """));
}
