using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SecureRag.AuditBench;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;
using SecureRag.ServiceDefaults.Telemetry;

// `raise`: raises audit events through this process's own transactional outbox (as every service does) and waits
// until the relay has published them all. `stored`: waits until the Audit service has stored them all and reports
// its storage rate. Run by bench/audit.sh.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceTelemetry();
builder.AddServiceDatabase(typeof(AuditPublisher).Assembly);
builder.AddMessaging();
builder.Services.AddOptions<BenchOptions>().BindConfiguration(BenchOptions.SectionName);
builder.Services.AddSingleton<AuditPublisher>();

using var host = builder.Build();
var publisher = host.Services.GetRequiredService<AuditPublisher>();
if (args is ["stored", ..])
{
    Console.WriteLine($"events_per_s={await publisher.WaitForStoredAsync(CancellationToken.None):F0}");
    return;
}

await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
await host.StartAsync();
Console.WriteLine($"relay_events_per_s={await publisher.RaiseAsync(CancellationToken.None):F0}");
await host.StopAsync();
