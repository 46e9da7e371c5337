using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SecureRag.Gateway.Query;

/// <summary>Milliseconds spent in each pipeline step (the same intervals as the steps' spans), for <c>Server-Timing</c>.</summary>
public sealed class StepTimings
{
    private readonly ConcurrentDictionary<string, double> _steps = new(StringComparer.Ordinal);

    public void Add(string step, TimeSpan elapsed) => _steps.AddOrUpdate(step, elapsed.TotalMilliseconds, (_, d) => d + elapsed.TotalMilliseconds);

    /// <summary>The <c>Server-Timing</c> header value (W3C Server Timing): <c>input_rail;dur=0.42, ...</c>.</summary>
    public string ToHeader()
    {
        var header = new StringBuilder();
        foreach (var (step, ms) in _steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            header.Append(header.Length == 0 ? "" : ", ").Append(step).Append(";dur=").Append(ms.ToString("0.###", CultureInfo.InvariantCulture));
        }

        return header.ToString();
    }
}
