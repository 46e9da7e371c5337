using System.Net.Http.Headers;
using System.Runtime.Versioning;
using Google.Protobuf;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Otlp.Proto.Collector.Trace.V1;
using SecureRag.Hosting.Otlp.Proto.Common.V1;
using SecureRag.Hosting.Otlp.Proto.Trace.V1;
using OtlpResource = SecureRag.Hosting.Otlp.Proto.Resource.V1.Resource;

namespace SecureRag.Hosting.Tests;

/// <summary>States, console output, credentials on disk and the OTLP receiver of a running application.</summary>
[SupportedOSPlatform("linux")]
public sealed class ObservabilityTests(ServersFixture fixture)
{
    private readonly DistributedApplication _app = fixture.App;

    [Fact]
    public void EveryResourceReportsHealthyWithItsProcess()
    {
        var snapshots = _app.ResourceNotifications.GetSnapshots();
        Assert.Equal(["postgres", "securerag", "cache", "messaging", "beta", "alpha"], snapshots.Select(s => s.Name));
        Assert.All(snapshots, s => Assert.Equal(ResourceState.Healthy, _app.GetResourceState(s.Name)));
        Assert.All(snapshots.Where(s => s.Name != "securerag").SelectMany(s => s.Instances), i => Assert.True(ProcessTable.IsAlive(i.ProcessId!.Value)));
    }

    [Fact]
    public void ConsoleOutputIsBufferedPerInstanceAndNeverContainsPasswords()
    {
        Assert.Contains(_app.ConsoleLogs.GetLines("postgres"), l => l.Text.Contains("database system is ready to accept connections", StringComparison.Ordinal));
        Assert.Contains(_app.ConsoleLogs.GetLines("cache"), l => l.Text.Contains("Ready to accept connections", StringComparison.Ordinal));
        Assert.Contains(_app.ConsoleLogs.GetLines("beta-1"), l => l.Text.Contains("Now listening on", StringComparison.Ordinal));
        Assert.All(_app.ConsoleLogs.GetLines("beta"), l => Assert.StartsWith("beta-", l.Instance));

        var secrets = new[] { "postgres", "cache", "messaging" }.Select(r => SecretOf(_app.GetConnectionString(r))).ToList();
        var everything = _app.Resources.SelectMany(r => _app.ConsoleLogs.GetLines(r.Name)).Select(l => l.Text).ToList();
        Assert.NotEmpty(everything);
        Assert.DoesNotContain(everything, line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public void CredentialsAreKeptBesideTheDataReadableByTheOwnerOnly()
    {
        var credentials = Path.Combine(_app.DataDirectory, "postgres", "credentials");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(credentials));
        var files = Directory.GetFiles(credentials);
        Assert.Contains(Path.Combine(credentials, "role-alpha"), files);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.Equal(SecretOf(_app.GetConnectionString("postgres")), File.ReadAllText(Path.Combine(credentials, "admin-password")));
        Assert.All(
            new[] { "cache/redis.conf", "messaging/rabbitmq.conf" },
            f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_app.DataDirectory, f))));
    }

    [Fact]
    public async Task OtlpReceiverInsideTheAppHostKeepsWhatIsExportedToIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"probe-{Guid.NewGuid():N}";
        var export = new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new OtlpResource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "alpha" } } } },
                    ScopeSpans =
                    {
                        new ScopeSpans
                        {
                            Spans =
                            {
                                new Span
                                {
                                    TraceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()),
                                    SpanId = ByteString.CopyFrom(BitConverter.GetBytes(Random.Shared.NextInt64(1, long.MaxValue))),
                                    Name = name,
                                    StartTimeUnixNano = 1_700_000_000_000_000_000,
                                    EndTimeUnixNano = 1_700_000_000_100_000_000,
                                },
                            },
                        },
                    },
                },
            },
        };
        using var client = new HttpClient { BaseAddress = _app.OtlpEndpoint };
        using var content = new ByteArrayContent(export.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await client.PostAsync("/v1/traces", content, ct);
        response.EnsureSuccessStatusCode();

        var spans = await _app.Telemetry.WaitForSpansAsync(s => s.Any(x => x.Name == name), TimeSpan.FromSeconds(10), ct);
        Assert.Equal("alpha", spans.Single(s => s.Name == name).ServiceName);
    }

    private static string SecretOf(string connectionString) =>
        connectionString.StartsWith("amqp://", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(new Uri(connectionString).UserInfo.Split(':')[1])
            : connectionString.Split(';', ',').Select(p => p.Split('=', 2)).Single(p => p[0].Equals("password", StringComparison.OrdinalIgnoreCase))[1];
}
