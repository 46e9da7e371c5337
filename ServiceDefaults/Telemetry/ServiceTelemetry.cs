using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecureRag.ServiceDefaults.Telemetry;

/// <summary>The service's own activity source and meter, named after the application.</summary>
public sealed class ServiceTelemetry(string serviceName) : IDisposable
{
    public ActivitySource ActivitySource { get; } = new(serviceName);

    public Meter Meter { get; } = new(serviceName);

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
