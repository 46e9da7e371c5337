using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SecureRag.Guardrail.Domain.Auditing;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Extensions;
using SecureRag.ServiceDefaults;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Bench.GuardrailGrpc;

/// <summary>
/// The Guardrail service as Program.cs builds it (service defaults, assertion interceptor, its registrations) on a
/// loopback HTTP/2 port. Auth's keys, the policy store and the auditor are in-process stand-ins: no app has a stored
/// policy (the default applies, as its cache would serve it) and the benign texts measured are never audited.
/// </summary>
public static class GuardrailHost
{
    public const string ServiceName = "guardrail";

    public static async Task<WebApplication> StartAsync(IAssertionKeySource keys)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceIdentity:Name"] = ServiceName,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(keys);
        builder.AddServiceDefaults();
        builder.AddGuardrailServices();
        builder.Services.AddSingleton<IPolicyStore, NoStoredPolicies>();
        builder.Services.AddSingleton<IDecisionAuditor, DiscardingAuditor>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGuardrailEndpoints();
        await app.StartAsync();
        return app;
    }
}
