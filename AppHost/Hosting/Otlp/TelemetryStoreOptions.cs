using System.ComponentModel.DataAnnotations;

namespace SecureRag.Hosting.Otlp;

/// <summary>Bounds of the in-memory <see cref="TelemetryStore"/>; the oldest items are dropped beyond them.</summary>
public sealed class TelemetryStoreOptions
{
    /// <summary>The most spans kept (default 100,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxSpans { get; set; } = 100_000;

    /// <summary>The most log records kept (default 50,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxLogs { get; set; } = 50_000;
}
