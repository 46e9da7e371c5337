using SecureRag.Hosting.Dashboard.Rendering;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>
/// The platform's audit trail, newest first, filtered by tenant, actor, app, action, outcome, trace id and time; and the
/// chain's verification status, loaded after the page (verifying reads the whole chain).
/// </summary>
internal static class AuditPage
{
    public static async Task<string> RenderAsync(DashboardContext context, DashboardAuditQuery query, CancellationToken cancellationToken)
    {
        if (context.Audit is not { } audit)
        {
            return Layout.Page(context, "audit", "Audit", html =>
                html.Raw("""<p class="muted">This application registers no audit trail (<code>IDashboardAuditTrail</code>).</p>"""));
        }

        DashboardAuditPage? page = null;
        string? failure = null;
        try
        {
            page = await audit.Trail.QueryAsync(context.App, query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex.Message;
        }

        return Layout.Page(context, "audit", "Audit", html =>
        {
            html.Raw("""<section id="verification" data-src="/audit/verification">""");
            Verification(html, audit.Last);
            html.Raw("</section>");
            Filters(html, query);
            if (failure is not null)
            {
                html.Append($"""<p class="problem">The audit trail could not be read: {failure}</p>""");
                return;
            }

            html.Raw("""
                <table class="grid audit" id="audit-table"><thead><tr><th>#</th><th>Occurred</th><th>Tenant</th><th>Actor</th><th>Action</th><th>Target</th><th>Outcome</th><th>App</th><th>Client</th><th>Trace</th></tr></thead><tbody>
                """);
            foreach (var record in page!.Records)
            {
                Row(html, record);
            }

            html.Raw("</tbody></table>");
            if (page.Records.Count == 0)
            {
                html.Raw("""<p class="muted">No audit record matches.</p>""");
            }

            if (page.NextBeforeSequence is { } next)
            {
                html.Append($"""<p><a id="older" href="{Url.Of("/audit", [.. QueryParameters(query with { BeforeSequence = next })])}">Older records →</a></p>""");
            }
        });
    }

    public static string RenderVerification(DashboardAuditVerification? verification)
    {
        var html = new HtmlBuilder();
        Verification(html, verification);
        return html.ToString();
    }

    private static void Verification(HtmlBuilder html, DashboardAuditVerification? verification)
    {
        if (verification is null)
        {
            html.Raw("""<p class="chain chain-pending" data-status="Pending">Verifying the chain…</p>""");
            return;
        }

        var (label, css) = verification.Status switch
        {
            AuditChainStatus.Intact => ("Chain intact", "chain-ok"),
            AuditChainStatus.Broken => ("Chain BROKEN", "chain-broken"),
            _ => ("Chain not verified", "chain-unknown"),
        };
        html.Append($"""
            <div class="chain {css}" data-status="{verification.Status}"><strong>{label}</strong> — {verification.Summary}
            <span class="muted">(verified at {Format.Time(verification.VerifiedAt)})</span>
            <form method="post" action="/audit/verify"><button type="submit">Verify now</button></form></div>
            """);
    }

    private static void Filters(HtmlBuilder html, DashboardAuditQuery query) =>
        html.Append($"""
            <form class="filters" method="get" action="/audit">
            <label>Tenant <input type="search" name="tenant" value="{query.TenantId}" size="12"></label>
            <label>Actor <input type="search" name="actor" value="{query.ActorId}" size="12"></label>
            <label>App <input type="search" name="app" value="{query.AppId}" size="12"></label>
            <label>Action <input type="search" name="action" value="{query.Action}" size="14" placeholder="e.g. apikey.created"></label>
            <label>Outcome <select name="outcome"><option value="">Any</option>{Option("success", query.Outcome)}{Option("denied", query.Outcome)}{Option("failure", query.Outcome)}{Option("blocked", query.Outcome)}</select></label>
            <label>Trace id <input type="search" name="trace" value="{query.TraceId}" size="34"></label>
            <label>From <input type="datetime-local" name="from" value="{LocalInput(query.From)}"></label>
            <label>To <input type="datetime-local" name="to" value="{LocalInput(query.To)}"></label>
            <button type="submit">Filter</button>
            </form>
            """);

    private static RawHtml Option(string value, string? selected)
    {
        var html = new HtmlBuilder();
        html.Append($"""<option value="{value}"{RawHtml.If(value == selected, " selected")}>{value}</option>""");
        return new RawHtml(html.ToString());
    }

    private static string? LocalInput(DateTimeOffset? time) =>
        time?.ToLocalTime().ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static void Row(HtmlBuilder html, DashboardAuditRecord record)
    {
        var actor = record.OnBehalfOf is null ? $"{record.ActorKind}:{record.ActorId}" : $"{record.ActorKind}:{record.ActorId} for {record.OnBehalfOf}";
        html.Append($"""
            <tr class="audit-record" data-outcome="{record.Outcome}" data-sequence="{record.Sequence}" data-action="{record.Action}">
            <td class="num">{record.Sequence}</td><td class="ts">{Format.DateTime(record.OccurredAt)}</td>
            <td class="id">{record.TenantId}</td><td>{actor}</td>
            <td><details><summary>{record.Action}</summary><table class="attrs">
            <tr><th>kind</th><td>{record.Kind}</td></tr><tr><th>recorded</th><td>{Format.DateTime(record.RecordedAt)}</td></tr>
            """);
        if (record.Reason is not null)
        {
            html.Append($"""<tr><th>reason</th><td>{record.Reason}</td></tr>""");
        }

        foreach (var (key, value) in record.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            html.Append($"""<tr><th>{key}</th><td>{value}</td></tr>""");
        }

        html.Append($"""
            </table></details></td>
            <td>{record.Target}</td><td><span class="badge outcome-{record.Outcome}">{record.Outcome}</span></td><td class="id">{record.AppId}</td><td>{record.ClientAddress}</td><td>
            """);
        if (record.TraceId is { Length: > 0 } traceId)
        {
            html.Append($"""<a class="trace-link" href="{Url.Trace(traceId)}" title="{traceId}">{(traceId.Length > 8 ? traceId[..8] + "…" : traceId)}</a>""");
        }

        html.Raw("</td></tr>");
    }

    /// <summary>The query as the page's URL parameters.</summary>
    public static IEnumerable<(string, string?)> QueryParameters(DashboardAuditQuery query)
    {
        yield return ("tenant", query.TenantId);
        yield return ("actor", query.ActorId);
        yield return ("app", query.AppId);
        yield return ("action", query.Action);
        yield return ("outcome", query.Outcome);
        yield return ("trace", query.TraceId);
        yield return ("from", query.From?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("to", query.To?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("before", query.BeforeSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
