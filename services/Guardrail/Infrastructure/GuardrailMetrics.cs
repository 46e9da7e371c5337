using System.Diagnostics.Metrics;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.Guardrail.Infrastructure;

/// <summary>
/// Decisions by rail and action, and scan durations: allow decisions are not audited one by one, so these counters
/// are where their volume shows.
/// </summary>
public sealed class GuardrailMetrics
{
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _duration;

    public GuardrailMetrics(ServiceTelemetry telemetry)
    {
        _decisions = telemetry.Meter.CreateCounter<long>("securerag.guardrail.decisions", description: "Guardrail decisions by rail and action");
        _duration = telemetry.Meter.CreateHistogram<double>("securerag.guardrail.scan.duration", unit: "us", description: "Time to scan one request");
    }

    public void Record(RailKind rail, GuardAction action, TimeSpan elapsed, int count = 1)
    {
        var railTag = new KeyValuePair<string, object?>("rail", rail.ToString().ToLowerInvariant());
        _decisions.Add(count, railTag, new KeyValuePair<string, object?>("action", action.ToString().ToLowerInvariant()));
        _duration.Record(elapsed.TotalMicroseconds, railTag);
    }
}
