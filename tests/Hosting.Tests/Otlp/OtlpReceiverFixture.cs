using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>A real Kestrel server on a free loopback port with the OTLP receiver mapped, shared by a test class.</summary>
public sealed class OtlpReceiverFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The receiver's base address, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client whose base address is the receiver.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The store the receiver writes to; tests share it, so each uses its own trace ids and service names.</summary>
    public TelemetryStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddOtlpReceiver();

        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapOtlpReceiver();
        await _app.StartAsync(TestContext.Current.CancellationToken);

        // After start, Urls holds the address Kestrel actually bound, with the port it picked.
        BaseAddress = new Uri(_app.Urls.Single().TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Store = _app.Services.GetRequiredService<TelemetryStore>();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
