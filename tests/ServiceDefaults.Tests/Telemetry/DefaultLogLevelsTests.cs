using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.ServiceDefaults.Tests.Telemetry;

/// <summary>Framework records written for every request, call or statement are off by default; configuration turns them back on.</summary>
public sealed class DefaultLogLevelsTests
{
    private const string RequestLog = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string OutgoingCallLog = "System.Net.Http.HttpClient.auth.LogicalHandler";
    private const string StatementLog = "Npgsql.Command";

    [Fact]
    public void OutsideDevelopmentRequestsCallsAndStatementsAreNotLoggedButTheServicesOwnRecordsAre()
    {
        using var host = Build(Environments.Production);

        Assert.False(Enabled(host, RequestLog));
        Assert.False(Enabled(host, OutgoingCallLog));
        Assert.False(Enabled(host, StatementLog));
        Assert.True(Enabled(host, "SecureRag.Gateway.Query"));
        Assert.True(Enabled(host, RequestLog, LogLevel.Warning));
    }

    [Fact]
    public void InDevelopmentRequestsAreLoggedForTheLocalDashboard()
    {
        using var host = Build(Environments.Development);

        Assert.True(Enabled(host, RequestLog));
        Assert.False(Enabled(host, OutgoingCallLog));
    }

    [Fact]
    public void ConfigurationOverridesTheDefaults()
    {
        using var host = Build(Environments.Production, new()
        {
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Debug",
        });

        Assert.True(Enabled(host, RequestLog));
        Assert.True(Enabled(host, OutgoingCallLog, LogLevel.Debug));
        Assert.False(Enabled(host, StatementLog));
    }

    private static IHost Build(string environment, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddServiceTelemetry();
        return builder.Build();
    }

    private static bool Enabled(IHost host, string category, LogLevel level = LogLevel.Information) =>
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(level);
}
