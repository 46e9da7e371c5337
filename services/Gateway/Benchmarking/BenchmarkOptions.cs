namespace SecureRag.Gateway.Benchmarking;

/// <summary>
/// Settings for <c>bench/gateway-auth.sh</c> (section <c>Gateway:Benchmark</c>). Honoured in Development only: the
/// Gateway refuses to start with them enabled anywhere else.
/// </summary>
public sealed class BenchmarkOptions
{
    public const string SectionName = "Gateway:Benchmark";

    /// <summary>
    /// Maps <c>GET /bench/me</c> (the handler of <c>/v1/me</c> with the security layer switched off, for a fixed
    /// caller) and <c>GET /bench/stats</c> (the process's Redis commands and authentication-cache counts).
    /// </summary>
    public bool Enabled { get; set; }
}
