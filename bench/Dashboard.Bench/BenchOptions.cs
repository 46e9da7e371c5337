using System.Globalization;

namespace SecureRag.Dashboard.Bench;

/// <summary>The benchmark's settings: <c>--spans N --logs N --spans-per-trace N --requests N</c>.</summary>
internal sealed record BenchOptions
{
    /// <summary>How many spans are sent; twice the bound by default, so the oldest half is dropped on the way.</summary>
    public int Spans { get; init; } = 200_000;

    public int Logs { get; init; } = 100_000;

    public int MaxSpans { get; init; } = 100_000;

    public int MaxLogs { get; init; } = 50_000;

    public int SpansPerTrace { get; init; } = 10;

    public int Warmup { get; init; } = 3;

    public int Requests { get; init; } = 20;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--spans" => options with { Spans = value },
                "--logs" => options with { Logs = value },
                "--max-spans" => options with { MaxSpans = value },
                "--max-logs" => options with { MaxLogs = value },
                "--spans-per-trace" => options with { SpansPerTrace = value },
                "--requests" => options with { Requests = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
