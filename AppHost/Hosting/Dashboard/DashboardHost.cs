using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SecureRag.Hosting.Dashboard;

/// <summary>
/// The dashboard's web server: server-rendered pages on a port of its own (loopback unless configured otherwise),
/// behind the login token of this run.
/// </summary>
internal sealed class DashboardHost(DashboardContext context, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("SecureRag.Hosting.Dashboard");
    private WebApplication? _app;

    public DashboardLogin Login { get; } = new();

    /// <summary>The base address, once started.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>The link that signs a browser in: the base address with this run's token.</summary>
    public Uri? LoginLink => Endpoint is null ? null : new Uri(Endpoint, $"/login?{DashboardLogin.TokenParameter}={Login.Token}");

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var address = DashboardOptionsValidator.TryParseAddress(options.Address)
            ?? throw new InvalidOperationException($"AppHost:Dashboard:Address '{options.Address}' is not an IP address, 'localhost' or '*'.");
        if (!IPAddress.IsLoopback(address))
        {
            _logger.LogWarning(
                "The dashboard listens on {Address}, beyond this machine: anyone who can reach it and has the login token sees the platform's logs, environment and audit trail",
                options.Address);
        }

        try
        {
            _app = await StartAsync(address, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (options.Port == DashboardOptions.DefaultPort)
        {
            _logger.LogWarning("The dashboard's port {Port} is taken ({Reason}); using a free one", options.Port, ex.Message);
            _app = await StartAsync(address, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new DistributedApplicationException(
                $"The dashboard cannot listen on {options.Address}:{options.Port} ({ex.Message}); set AppHost:Dashboard:Port to another port, or 0 for a free one.", ex);
        }

        var bound = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "localhost" : bound.Host;
        Endpoint = new UriBuilder(bound.Scheme, host, bound.Port).Uri;
        return Endpoint;
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

    private async Task<WebApplication> StartAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.AddServerHeader = false;
        });
        // Live pages hold their event streams open; they end when the host stops, so a short grace period suffices.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);

        var app = builder.Build();
        DashboardEndpoints.Map(app, context, Login, _logger);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
