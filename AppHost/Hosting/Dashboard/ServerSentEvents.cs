using System.Text;
using Microsoft.AspNetCore.Http;

namespace SecureRag.Hosting.Dashboard;

/// <summary>Writes a <c>text/event-stream</c> response (HTML Living Standard, "Server-sent events").</summary>
internal sealed class ServerSentEvents
{
    private readonly HttpResponse _response;

    private ServerSentEvents(HttpResponse response) => _response = response;

    public static async Task<ServerSentEvents> StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new ServerSentEvents(response);
    }

    /// <summary>Sends one event; <paramref name="data"/> must be a single line (JSON is).</summary>
    public async Task SendAsync(string eventName, string data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().Append("event: ").Append(eventName).Append('\n').Append("data: ").Append(data).Append("\n\n").ToString();
        await _response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
