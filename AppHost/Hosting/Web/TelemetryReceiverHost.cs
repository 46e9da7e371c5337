using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Web;

/// <summary>
/// The AppHost's own small web app on a loopback port: the OTLP/HTTP receiver the projects export to, sharing the
/// application's <see cref="TelemetryStore"/> (and, later, the dashboard).
/// </summary>
internal sealed class TelemetryReceiverHost(TelemetryStore store, ILoggerFactory loggerFactory, TimeProvider timeProvider) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Starts listening on <paramref name="port"/> (0 picks a free one) and returns the base address.</summary>
    public async Task<Uri> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TelemetryReceiverHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(timeProvider);

        _app = builder.Build();
        _app.MapOtlpReceiver();
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
