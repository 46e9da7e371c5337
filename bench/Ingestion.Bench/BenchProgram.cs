using SecureRag.Bench;
using SecureRag.Ingestion.Bench;

// Usage:
//   Ingestion.Bench e2e <gateway-url> (--bootstrap <credential> | --owner-key <key>) [--docs 10000] [--doc-bytes 5120]
//                   [--concurrency 16] [--pdf-mb 50] [--timeout-s 1800] [--ingestion-pid <pid>]
//   Ingestion.Bench pdf-local [--pdf-mb 50]
var options = Arguments.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

switch (options.Mode)
{
    case "pdf-local":
        LocalPdfBench.Run(options.PdfMegabytes);
        return 0;
    case "e2e":
        // The Gateway's development certificate is self-signed; the benchmark talks to it on loopback only.
        using (var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        using (var http = new HttpClient(handler) { BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromMinutes(10) })
        {
            var gateway = new GatewayClient(http);
            var tenant = options.OwnerKey is { } owner
                ? await Tenant.CreateInTenantAsync(gateway, owner, stop.Token)
                : await Tenant.CreateAsync(gateway, options.Bootstrap ?? throw new ArgumentException("--bootstrap or --owner-key is required"), stop.Token);
            var bench = new EndToEndBench(gateway, tenant, options.IngestionPid ?? ProcessMemory.FindIngestion());
            if (options.Documents > 0)
            {
                await bench.RunDocumentsAsync(options.Documents, options.DocumentBytes, options.Concurrency, options.Timeout, stop.Token);
            }

            if (options.PdfMegabytes > 0)
            {
                await bench.RunPdfAsync(options.PdfMegabytes, options.Timeout, stop.Token);
            }
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: Ingestion.Bench e2e <gateway-url> (--bootstrap <credential> | --owner-key <key>) [--docs N] [--pdf-mb M] | pdf-local [--pdf-mb M]");
        return 2;
}
