using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Dashboard.Pages;

namespace SecureRag.Hosting.Dashboard;

/// <summary>The dashboard's pages, fragments, live streams and actions.</summary>
internal static class DashboardEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static void Map(WebApplication app, DashboardContext context, DashboardLogin login, ILogger logger)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.Use((http, next) => Guard(http, next, context, login));

        app.MapGet("/_dash/{file}", (string file) => DashboardAssets.Serve(file));
        app.MapGet("/login", (HttpContext http, string? t, string? @return) => Login(http, context, login, t, @return));
        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            return Login(http, context, login, form["t"], form["return"]);
        });

        app.MapGet("/", (string? fragment) => fragment == "table"
            ? Results.Content(ResourcesPage.RenderTable(context), Html)
            : Results.Content(ResourcesPage.Render(context), Html));
        app.MapGet("/resources/events", (HttpContext http) => ResourceEventsAsync(http, context, stopping));
        app.MapPost("/resources/{name}/{action}", (string name, string action) => ResourceAction(context, name, action, logger));

        app.MapGet("/console", (string? resource, string? q) => Results.Content(ConsolePage.Render(context, resource, q), Html));
        app.MapGet("/console/events", (HttpContext http, string? resource, string? q, long? after) => ConsoleEventsAsync(http, context, resource, q, after, stopping));

        app.MapGet("/structured", (string? resource, string? level, string? q, string? trace) =>
            Results.Content(StructuredLogsPage.Render(context, new StructuredLogsPage.Filter(resource, level, q, trace)), Html));

        app.MapGet("/traces", (string? resource, string? q, string? errors) =>
            Results.Content(TracesPage.Render(context, new TracesPage.Filter(resource, q, errors is "1" or "on" or "true")), Html));
        app.MapGet("/traces/open", (string? id) => Results.Redirect(Rendering.Url.Trace(NormalizeTraceId(id))));
        app.MapGet("/traces/{id}", (string id) =>
        {
            var traceId = NormalizeTraceId(id);
            return TracePage.Render(context, traceId) is { } page
                ? Results.Content(page, Html)
                : Results.Content(NotFoundPage.Trace(context, traceId), Html, statusCode: StatusCodes.Status404NotFound);
        });

        app.MapGet("/audit", async (HttpRequest request, CancellationToken ct) =>
            Results.Content(await AuditPage.RenderAsync(context, AuditQuery(request.Query, context.Options.PageSize), ct).ConfigureAwait(false), Html));
        app.MapGet("/audit/verification", async (CancellationToken ct) => context.Audit is { } audit
            ? Results.Content(AuditPage.RenderVerification(await audit.GetAsync(fresh: false, ct).ConfigureAwait(false)), Html)
            : Results.NotFound());
        app.MapPost("/audit/verify", () =>
        {
            _ = context.Audit?.GetAsync(fresh: true, CancellationToken.None);
            return Results.Redirect("/audit", permanent: false, preserveMethod: false);
        });
    }

    /// <summary>
    /// Everything but the login page and the static assets needs the login cookie. Without it a page is refused with
    /// 401 and the login form; a POST must also come from the dashboard's own origin.
    /// </summary>
    private static Task Guard(HttpContext http, RequestDelegate next, DashboardContext context, DashboardLogin login)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on a form POST, which the
        // origin check below would refuse; links to the resources' endpoints (other ports, other origins) carry none.
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.CacheControl = "no-store";

        var path = http.Request.Path;
        if (path.StartsWithSegments("/_dash") || path == "/login")
        {
            return next(http);
        }

        if (!login.IsSignedIn(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.ContentType = Html;
                var returnPath = http.Request.Path + http.Request.QueryString;
                return http.Response.WriteAsync(LoginPage.Render(context.ApplicationName, rejected: false, returnPath), http.RequestAborted);
            }

            return Task.CompletedTask;
        }

        if (HttpMethods.IsPost(http.Request.Method)
            && http.Request.Headers.Origin is { Count: > 0 } origin
            && !string.Equals(origin.ToString(), $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(http);
    }

    private static IResult Login(HttpContext http, DashboardContext context, DashboardLogin login, string? token, string? returnPath)
    {
        if (token is null && HttpMethods.IsGet(http.Request.Method))
        {
            return login.IsSignedIn(http.Request)
                ? Results.Redirect("/")
                : Results.Content(LoginPage.Render(context.ApplicationName, rejected: false, returnPath), Html);
        }

        if (!login.IsValidToken(token))
        {
            return Results.Content(LoginPage.Render(context.ApplicationName, rejected: true, returnPath), Html, statusCode: StatusCodes.Status401Unauthorized);
        }

        login.SignIn(http.Response);
        // Only a path of this site: "//host" or "/\host" would leave it.
        var target = returnPath is ['/', not ('/' or '\\'), ..] or "/" ? returnPath : "/";
        return Results.Redirect(target);
    }

    private static async Task ResourceEventsAsync(HttpContext http, DashboardContext context, CancellationToken stopping)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = cancellation.Token;
        try
        {
            var events = await ServerSentEvents.StartAsync(http.Response, ct).ConfigureAwait(false);
            await foreach (var snapshot in context.Resources.WatchAsync(ct).ConfigureAwait(false))
            {
                await events.SendAsync("resource", JsonSerializer.Serialize(new { name = snapshot.Name, state = snapshot.State.ToString() }), ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task ConsoleEventsAsync(HttpContext http, DashboardContext context, string? source, string? text, long? after, CancellationToken stopping)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = cancellation.Token;
        try
        {
            var events = await ServerSentEvents.StartAsync(http.Response, ct).ConfigureAwait(false);
            await foreach (var line in context.ConsoleLogs.SubscribeAsync(after, ct).ConfigureAwait(false))
            {
                if (ConsolePage.Matches(line, source, text))
                {
                    await events.SendAsync("line", JsonSerializer.Serialize(new
                    {
                        s = line.Sequence,
                        t = Rendering.Format.Time(line.Timestamp),
                        i = line.Instance,
                        c = Rendering.Format.ColorClass(line.Resource),
                        x = line.Text,
                        e = line.IsError,
                    }), ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static IResult ResourceAction(DashboardContext context, string name, string action, ILogger logger)
    {
        if (!context.Resources.GetSnapshots().Any(s => s.Name == name))
        {
            return Results.NotFound();
        }

        Func<Task>? run = action switch
        {
            "stop" => () => context.App.StopResourceAsync(name),
            "start" => () => context.App.StartResourceAsync(name),
            "restart" => async () =>
            {
                await context.App.StopResourceAsync(name).ConfigureAwait(false);
                await context.App.StartResourceAsync(name).ConfigureAwait(false);
            },
            _ => null,
        };
        if (run is null)
        {
            return Results.NotFound();
        }

        logger.LogInformation("Dashboard: {Action} {Resource}", action, name);
        // Stopping waits for the process to exit; the page follows the state live instead of waiting here.
        _ = Task.Run(async () =>
        {
            try
            {
                await run().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning("Dashboard: {Action} {Resource} failed: {Reason}", action, name, ex.Message);
            }
        });
        return Results.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static DashboardAuditQuery AuditQuery(IQueryCollection query, int pageSize)
    {
        static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

        static DateTimeOffset? Time(IQueryCollection query, string name) =>
            DateTimeOffset.TryParse(Text(query, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time) ? time : null;

        return new DashboardAuditQuery
        {
            TenantId = Text(query, "tenant"),
            ActorId = Text(query, "actor"),
            AppId = Text(query, "app"),
            Action = Text(query, "action"),
            Outcome = Text(query, "outcome"),
            TraceId = Text(query, "trace")?.ToLowerInvariant(),
            From = Time(query, "from"),
            To = Time(query, "to"),
            BeforeSequence = long.TryParse(Text(query, "before"), NumberStyles.None, CultureInfo.InvariantCulture, out var before) ? before : null,
            PageSize = pageSize,
        };
    }

    private static string NormalizeTraceId(string? id) => (id ?? "").Trim().ToLowerInvariant();
}
