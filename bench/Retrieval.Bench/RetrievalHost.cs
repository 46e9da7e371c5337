using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SecureRag.Retrieval.Domain.Ranking;
using SecureRag.Retrieval.Extensions;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// The Retrieval service as Program.cs builds it (service defaults, assertion interceptor, its registrations,
/// migrations), on a loopback HTTP/2 port, with Auth's keys and the Inference call replaced by in-process stand-ins.
/// Messaging is left out: the index neither publishes nor consumes.
/// </summary>
public static class RetrievalHost
{
    public static async Task<WebApplication> StartAsync(
        string connectionString, IAssertionKeySource keys, IQueryEmbedder embedder, IDictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:securerag"] = connectionString,
            ["ServiceIdentity:Name"] = "retrieval",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(embedder);
        builder.AddServiceDefaults();
        builder.AddRetrievalServices();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapRetrievalServices();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
        await app.StartAsync();
        return app;
    }
}
