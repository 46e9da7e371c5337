using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Testing;

namespace SecureRag.Hosting.Tests;

/// <summary>A crashed project is restarted with exponential back-off, and the restart is reported.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task KilledProjectIsRestartedByTheOrchestratorAndBecomesHealthyAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        var builder = DistributedApplicationTestingBuilder.Create(
            b => b.AddTestService("phoenix"),
            o => o.Configuration["AppHost:RestartDelay"] = "00:00:00.300");
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        await using var app = await builder.BuildAsync(ct);
        await app.StartAsync(ct);
        var before = app.ResourceNotifications.GetSnapshot("phoenix").Instances.Single();

        await app.KillResourceAsync("phoenix", ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TestModel.Timeout);
        var restarting = await app.ResourceNotifications.WaitForAsync("phoenix", s => s.Instances[0].RestartCount == 1, timeout.Token);
        Assert.Equal(137, restarting.Instances[0].ExitCode); // 128 + SIGKILL
        var after = (await app.WaitForResourceHealthyAsync("phoenix", TestModel.Timeout, ct)).Instances.Single();

        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.False(ProcessTable.IsAlive(before.ProcessId!.Value));
        using var client = app.CreateHttpClient("phoenix");
        Assert.Equal(after.ProcessId, await client.GetFromJsonAsync<int>("/pid", ct));
        Assert.Contains(logs.Messages, m => m.StartsWith("Warning: phoenix-0 exited with code 137; restarting it in 0.3 s (crash 1 in a row)", StringComparison.Ordinal));

        // A crash soon after the last one doubles the delay.
        await app.KillResourceAsync("phoenix", ct);
        await app.ResourceNotifications.WaitForAsync("phoenix", s => s.Instances[0].RestartCount == 2, timeout.Token);
        await app.WaitForResourceHealthyAsync("phoenix", TestModel.Timeout, ct);
        Assert.Contains(logs.Messages, m => m.StartsWith("Warning: phoenix-0 exited with code 137; restarting it in 0.6 s (crash 2 in a row)", StringComparison.Ordinal));
    }
}
