using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Testing;
using StackExchange.Redis;

namespace SecureRag.Hosting.Tests;

/// <summary>Stopping leaves nothing behind; starting again on the same data reuses it.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task StoppingTheApplicationLeavesNoProcessOfItsOwnBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = await DistributedApplicationTestingBuilder.Create(FullStack).BuildAsync(ct);
        string dataDirectory;
        List<int> tracked;
        try
        {
            await app.StartAsync(ct);
            dataDirectory = app.DataDirectory;
            var leaders = app.ResourceNotifications.GetSnapshots().SelectMany(s => s.Instances).Select(i => i.ProcessId).OfType<int>().ToList();
            var usingData = ProcessTable.UsingDirectory(dataDirectory);
            tracked = [.. leaders, .. leaders.SelectMany(ProcessTable.Descendants), .. usingData, .. usingData.SelectMany(ProcessTable.Descendants)];

            // The check below can only fail if it sees the servers while they run.
            var names = usingData.Select(ProcessTable.Name).ToList();
            Assert.Contains("postgres", names);
            Assert.Contains("redis-server", names);
            Assert.Contains("beam.smp", names);
            Assert.Contains("epmd", names);
            Assert.Contains(tracked, pid => ProcessTable.CommandLine(pid).Contains("TestService.dll", StringComparison.Ordinal));
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.Empty(tracked.Distinct().Where(ProcessTable.IsAlive).Select(pid => $"{pid} {ProcessTable.CommandLine(pid)}"));
        Assert.Empty(ProcessTable.UsingDirectory(dataDirectory));
        Assert.False(Directory.Exists(dataDirectory), "the temporary data directory is removed");
    }

    [Fact]
    public async Task SecondStartOnTheSameDataDirectoryReusesDataAndCredentials()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("securerag-reuse-").FullName;
        try
        {
            string[] firstSecrets;
            await using (var first = await StartAsync(dataDirectory, ct))
            {
                firstSecrets = await SecretsAsync(first, ct);
                await using var connection = new NpgsqlConnection(first.GetDatabaseConnectionString("worker"));
                await connection.OpenAsync(ct);
                await using var write = new NpgsqlCommand("CREATE TABLE notes (text text); INSERT INTO notes VALUES ('written by the first run')", connection);
                await write.ExecuteNonQueryAsync(ct);
                await using var redis = await ConnectionMultiplexer.ConnectAsync(first.GetConnectionString("cache"));
                Assert.True(await redis.GetDatabase().StringSetAsync("survivor", "first run"));
            }

            await using var second = await StartAsync(dataDirectory, ct);
            Assert.Equal(firstSecrets, await SecretsAsync(second, ct));
            await using (var connection = new NpgsqlConnection(second.GetDatabaseConnectionString("worker")))
            {
                await connection.OpenAsync(ct);
                await using var read = new NpgsqlCommand("SELECT text FROM notes", connection);
                Assert.Equal("written by the first run", await read.ExecuteScalarAsync(ct));
            }

            await using (var redis = await ConnectionMultiplexer.ConnectAsync(second.GetConnectionString("cache")))
            {
                Assert.Equal("first run", (string?)await redis.GetDatabase().StringGetAsync("survivor"));
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task ProcessesLeftByAKilledAppHostAreStoppedAtTheNextStart()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Directory.CreateTempSubdirectory("securerag-orphans-").FullName;
        using var orphan = Process.Start(new ProcessStartInfo("/usr/bin/setsid", ["sleep", "600"]))!;
        try
        {
            // What an AppHost killed with SIGKILL leaves behind: a child leading its own process group, recorded in the
            // data directory as "pid start-time stop-signal name".
            var stat = File.ReadAllText($"/proc/{orphan.Id}/stat");
            var startTime = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
            File.WriteAllText(Path.Combine(dataDirectory, "apphost.pids"), string.Create(CultureInfo.InvariantCulture, $"{orphan.Id} {startTime} 15 cache\n"));

            var app = await DistributedApplicationTestingBuilder.Create(b => b.AddRedis("cache"), o => o.DataDirectory = dataDirectory).BuildAsync(ct);
            await using (app)
            {
                await app.StartAsync(ct);
                Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(5)), "the orphan was stopped");
                Assert.Equal(128 + 15, orphan.ExitCode); // by its stop signal, SIGTERM
                Assert.Equal(ResourceState.Healthy, app.GetResourceState("cache"));
            }
        }
        finally
        {
            if (!orphan.HasExited)
            {
                orphan.Kill();
            }

            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<DistributedApplication> StartAsync(string dataDirectory, CancellationToken ct)
    {
        var app = await DistributedApplicationTestingBuilder.Create(FullStack, o =>
        {
            o.DataDirectory = dataDirectory;
            // Two full starts of three servers in one test: allow for a machine busy with other work.
            o.StartupTimeout = TimeSpan.FromMinutes(3);
        }).BuildAsync(ct);
        try
        {
            await app.StartAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every password the run handed out; ports may differ between runs, passwords may not.</summary>
    private static async Task<string[]> SecretsAsync(DistributedApplication app, CancellationToken ct) =>
    [
        (await EnvironmentOf(app, ct))["Worker__Secret"]!,
        .. new[] { app.GetConnectionString("postgres"), app.GetDatabaseConnectionString("worker"), app.GetConnectionString("cache") }
            .Select(c => c.Split(';', ',').Single(p => p.StartsWith("Password=", StringComparison.OrdinalIgnoreCase))),
        new Uri(app.GetConnectionString("messaging")).UserInfo,
    ];

    private static async Task<Dictionary<string, string?>> EnvironmentOf(DistributedApplication app, CancellationToken ct)
    {
        using var client = app.CreateHttpClient("worker");
        return await client.GetFromJsonAsync<Dictionary<string, string?>>("/environment", ct) ?? [];
    }

    private static void FullStack(IDistributedApplicationBuilder builder)
    {
        var database = builder.AddPostgres("postgres").WithPgVector().AddDatabase("securerag");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        builder.AddTestService("worker")
            .WithReference(database).WaitFor(database)
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Worker__Secret", c => c.GetSecret("worker-secret"));
    }
}
