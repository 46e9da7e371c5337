using System.Diagnostics;
using System.Globalization;
using System.Net;
using SecureRag.Dashboard.Bench;
using SecureRag.Hosting.Testing;

// bench/dashboard.sh: fills the AppHost's telemetry store to its bound and times the dashboard's pages over HTTP.
var options = BenchOptions.Parse(args);
var builder = DistributedApplicationTestingBuilder.Create(_ => { }, testing =>
{
    testing.EnableDashboard = true;
    testing.Configuration["AppHost:Telemetry:MaxSpans"] = options.MaxSpans.ToString(CultureInfo.InvariantCulture);
    testing.Configuration["AppHost:Telemetry:MaxLogs"] = options.MaxLogs.ToString(CultureInfo.InvariantCulture);
});
await using var app = await builder.BuildAsync();
await app.StartAsync();

var fill = Stopwatch.StartNew();
var generated = TelemetryGenerator.Fill(app.Telemetry, options);
fill.Stop();
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var spans = app.Telemetry.GetSpans();
var logs = app.Telemetry.GetLogs();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"spans_sent={generated.Spans} spans_held={spans.Count} logs_sent={generated.Logs} logs_held={logs.Count} traces_held={app.Telemetry.GetTraces(int.MaxValue).Count} fill_s={fill.Elapsed.TotalSeconds:0.00} managed_heap_mb={GC.GetTotalMemory(false) / 1048576.0:0} working_set_mb={Environment.WorkingSet / 1048576.0:0}"));

var cookies = new CookieContainer();
using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = app.DashboardEndpoint };
using (var login = await http.GetAsync(app.DashboardLoginUrl))
{
    login.EnsureSuccessStatusCode();
}

var newest = app.Telemetry.GetTraces(1)[0].TraceId;
var oldest = spans[0].TraceId;
var pages = new (string Name, string Path)[]
{
    ("resources", "/"),
    ("traces", "/traces"),
    ("traces_filtered", "/traces?resource=gateway&q=query&errors=1"),
    ("trace_newest", "/traces/" + newest),
    ("trace_oldest", "/traces/" + oldest),
    ("structured", "/structured"),
    ("structured_filtered", "/structured?level=Error&q=timeout"),
    ("structured_by_trace", "/structured?trace=" + newest),
    ("console", "/console"),
};
foreach (var (name, path) in pages)
{
    var result = await PageTimer.TimeAsync(http, path, options.Warmup, options.Requests);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"page={name} p50_ms={result.P50:0.0} p95_ms={result.P95:0.0} max_ms={result.Max:0.0} cpu_ms={result.CpuMs:0.0} kb={result.Bytes / 1024.0:0}"));
}

await app.StopAsync();
