using SecureRag.Hosting.Dashboard.Rendering;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>The frame of every page: the head, the navigation and the page's own content.</summary>
internal static class Layout
{
    private static readonly (string Page, string Path, string Title)[] Navigation =
    [
        ("resources", "/", "Resources"),
        ("console", "/console", "Console logs"),
        ("structured", "/structured", "Structured logs"),
        ("traces", "/traces", "Traces"),
        ("audit", "/audit", "Audit"),
    ];

    public static string Page(DashboardContext context, string page, string title, Action<HtmlBuilder> content)
    {
        var html = new HtmlBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · {context.ApplicationName}</title>
            <link rel="stylesheet" href="/_dash/dashboard.css">
            <script src="/_dash/dashboard.js" defer></script>
            </head>
            <body data-page="{page}">
            <header><a class="brand" href="/">{context.ApplicationName}</a><nav>
            """);
        foreach (var (id, path, name) in Navigation)
        {
            html.Append($"""<a href="{path}"{RawHtml.If(id == page, " class=\"current\" aria-current=\"page\"")}>{name}</a>""");
        }

        html.Append($"""</nav></header><main><h1>{title}</h1>""");
        content(html);
        html.Raw("</main></body></html>");
        return html.ToString();
    }

    /// <summary>A page that stands alone (the login page).</summary>
    public static string Bare(string title, Action<HtmlBuilder> content)
    {
        var html = new HtmlBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{title}</title>
            <link rel="stylesheet" href="/_dash/dashboard.css">
            </head>
            <body class="bare"><main>
            """);
        content(html);
        html.Raw("</main></body></html>");
        return html.ToString();
    }
}
