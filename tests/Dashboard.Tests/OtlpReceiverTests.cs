using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Google.Protobuf;
using SecureRag.Dashboard.Tests.Infrastructure;
using SecureRag.Hosting.Otlp.Proto.Collector.Trace.V1;
using SecureRag.Hosting.Otlp.Proto.Common.V1;
using SecureRag.Hosting.Otlp.Proto.Resource.V1;
using RpcStatus = SecureRag.Hosting.Otlp.Proto.Rpc.Status;
using SecureRag.Hosting.Otlp.Proto.Trace.V1;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>The running AppHost's OTLP receiver refuses malformed exports with an error and goes on serving the dashboard.</summary>
public sealed class OtlpReceiverTests(DashboardFixture fixture)
{
    private const string Protobuf = "application/x-protobuf";

    [Fact]
    public async Task MalformedExportsAreRejectedAndTheNextValidOneReachesTheDashboard()
    {
        var ct = TestContext.Current.CancellationToken;
        using var otlp = new HttpClient { BaseAddress = fixture.App.OtlpEndpoint };

        // A length prefix longer than the body, and bytes that are no protobuf at all: no parser accepts either.
        var truncated = Export("never stored", RandomNumberGenerator.GetBytes(16)).ToByteArray()[..^3];
        var garbage = "this is not a protobuf message"u8.ToArray();
        foreach (var path in new[] { "v1/traces", "v1/logs", "v1/metrics" })
        {
            foreach (var body in new[] { truncated, garbage })
            {
                using var rejected = await otlp.PostAsync(path, Content(body), ct);
                Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
                var status = RpcStatus.Parser.ParseFrom(await rejected.Content.ReadAsByteArrayAsync(ct));
                Assert.Equal(3, status.Code); // INVALID_ARGUMENT
                Assert.False(string.IsNullOrWhiteSpace(status.Message));
            }
        }

        var name = "otlp-probe-" + Guid.NewGuid().ToString("N")[..12];
        var traceId = RandomNumberGenerator.GetBytes(16);
        using (var accepted = await otlp.PostAsync("v1/traces", Content(Export(name, traceId).ToByteArray()), ct))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/traces?q={name}");
        var row = page.Locator("#trace-table tr.trace", new() { HasText = name });
        await Expect(row).ToHaveAttributeAsync("data-trace-id", Convert.ToHexStringLower(traceId));
        await row.Locator("a").First.ClickAsync();
        await Expect(page.Locator("#waterfall .span-name")).ToHaveTextAsync(name);
    }

    private static ExportTraceServiceRequest Export(string spanName, byte[] traceId)
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        return new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "otlp-probe" } } } },
                    ScopeSpans =
                    {
                        new ScopeSpans
                        {
                            Spans =
                            {
                                new Span
                                {
                                    TraceId = ByteString.CopyFrom(traceId),
                                    SpanId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(8)),
                                    Name = spanName,
                                    StartTimeUnixNano = now,
                                    EndTimeUnixNano = now + 5_000_000,
                                },
                            },
                        },
                    },
                },
            },
        };
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(Protobuf);
        return content;
    }
}
