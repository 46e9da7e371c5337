using System.Globalization;

namespace SecureRag.Bench;

/// <summary>
/// Measured latencies in milliseconds, sorted, with their percentiles (nearest rank); when each sample's scheduled
/// start is known, also which seconds of the run were slow, so a stall shows as a moment rather than a tail.
/// </summary>
public sealed class Latencies
{
    private readonly double[] _sorted;
    private readonly (double StartSeconds, double Milliseconds)[] _timeline;

    public Latencies(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds.Order()];
        _timeline = [];
    }

    public Latencies(IEnumerable<(double StartSeconds, double Milliseconds)> samples)
    {
        _timeline = [.. samples.OrderBy(s => s.StartSeconds)];
        _sorted = [.. _timeline.Select(s => s.Milliseconds).Order()];
    }

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <returns>Each second of the run whose slowest request took longer than the threshold: <c>start s: max ms (n over)</c>.</returns>
    public string SlowSeconds(double thresholdMs) => string.Join(", ", _timeline
        .GroupBy(s => (int)s.StartSeconds)
        .Where(second => second.Max(s => s.Milliseconds) > thresholdMs)
        .Select(second => string.Create(CultureInfo.InvariantCulture,
            $"{second.Key} s: {second.Max(s => s.Milliseconds):F0} ms ({second.Count(s => s.Milliseconds > thresholdMs)} over)")));
}
