using SecureRag.Hosting.Dashboard.Rendering;

namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>What a browser without the login cookie sees: where to find the link, and a box for the token.</summary>
internal static class LoginPage
{
    public static string Render(string applicationName, bool rejected, string? returnPath) =>
        Layout.Bare($"{applicationName} dashboard: sign in", html =>
        {
            html.Append($"""
                <h1>{applicationName} dashboard</h1>
                <p id="login-required">This dashboard needs the login token of this run. Open the link the AppHost printed when it started
                (<code>Dashboard: http://…/login?t=…</code>), or paste the token here.</p>
                """);
            if (rejected)
            {
                html.Raw("""<p class="problem" id="login-rejected">That token is not valid for this run.</p>""");
            }

            html.Append($"""
                <form method="post" action="/login" class="login">
                <input type="hidden" name="return" value="{returnPath}">
                <label>Token <input type="password" name="t" autocomplete="off" size="36" autofocus></label>
                <button type="submit">Sign in</button>
                </form>
                """);
        });
}
