using System.Globalization;

namespace SecureRag.Ingestion.Bench;

public sealed record Arguments(
    string Mode,
    string Gateway,
    string? Bootstrap,
    string? OwnerKey,
    int Documents,
    int DocumentBytes,
    int Concurrency,
    int PdfMegabytes,
    TimeSpan Timeout,
    int? IngestionPid)
{
    public static Arguments Parse(string[] args)
    {
        var mode = args.FirstOrDefault() ?? "";
        var gateway = mode == "e2e" && args.Length > 1 ? args[1] : "";
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Arguments(
            mode,
            gateway,
            Value("--bootstrap"),
            Value("--owner-key"),
            Number("--docs", 10_000),
            Number("--doc-bytes", 5 * 1024),
            Number("--concurrency", 16),
            Number("--pdf-mb", 50),
            TimeSpan.FromSeconds(Number("--timeout-s", 1800)),
            Value("--ingestion-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}
