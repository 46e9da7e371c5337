namespace SecureRag.Bench;

/// <summary>Measured latencies in milliseconds, sorted, with their percentiles (nearest rank).</summary>
public sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
