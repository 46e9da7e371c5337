using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace SecureRag.Gateway.ApiReference;

/// <summary>
/// The API reference at <c>/docs</c>: Scalar's standalone script, bundled into the Gateway at development time
/// (scripts/update-scalar.sh), renders the OpenAPI document at <c>/openapi/v1.json</c>. Nothing is fetched from the
/// internet at run time, and the page's Content-Security-Policy forbids any other origin, so it stays that way.
/// </summary>
public static class ApiReferenceEndpoints
{
    public const string Path = "/docs";
    private const string ScriptResource = "api-reference/scalar.standalone.js.gz";

    // Only this origin: the script and the OpenAPI document are the Gateway's. Scalar injects its styles inline. Its
    // online features (AI agent, MCP, telemetry, hosted fonts, developer toolbar) are switched off in the page's
    // configuration, and the policy would refuse them anyway.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>SecureRag API reference</title>
        </head>
        <body>
          <script id="api-reference" data-url="/openapi/v1.json"
            data-configuration='{"withDefaultFonts":false,"telemetry":false,"showDeveloperTools":"never","agent":{"disabled":true},"mcp":{"disabled":true},"hideClientButton":true,"metaData":{"title":"SecureRag API reference"}}'></script>
          <script src="/docs/scalar.js"></script>
        </body>
        </html>
        """;

    private static readonly Lazy<byte[]> Compressed = new(() =>
    {
        using var stream = typeof(ApiReferenceEndpoints).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The bundled Scalar script ({ScriptResource}) is missing from the Gateway assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(Page, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        endpoints.MapGet(Path + "/scalar.js", ScriptAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task ScriptAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/javascript; charset=utf-8";
        response.Headers.CacheControl = "public, max-age=86400";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        var bytes = Compressed.Value;
        if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "gzip";
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        await gzip.CopyToAsync(response.Body, context.RequestAborted);
    }
}
