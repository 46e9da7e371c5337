using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>The OpenTelemetry .NET SDK's own OTLP/HTTP protobuf exporter, pointed at the receiver.</summary>
public sealed class OtlpReceiverSdkExportTests(OtlpReceiverFixture fixture) : IClassFixture<OtlpReceiverFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SdkExportedSpansArriveWithTraceParentServiceAndAttributes()
    {
        var ct = TestContext.Current.CancellationToken;
        var sourceName = $"otlp-tests-{Guid.NewGuid():N}";
        var serviceName = $"retrieval-{Guid.NewGuid():N}";
        using var tracerProvider = Sdk.CreateTracerProviderBuilder()
            .AddSource(sourceName)
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: "retrieval-1"))
            .AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = new Uri(fixture.BaseAddress, "v1/traces");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.TimeoutMilliseconds = (int)Timeout.TotalMilliseconds;
                exporter.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build();
        using var source = new ActivitySource(sourceName);

        string traceId, parentId, childId;
        using (var parent = source.StartActivity("POST /ask", ActivityKind.Server)!)
        {
            parent.SetTag("http.route", "/ask");
            using var child = source.StartActivity("search chunks")!;
            child.SetTag("retrieval.top_k", 8);
            child.SetTag("retrieval.hybrid", true);
            child.AddEvent(new ActivityEvent("chunks ranked", tags: new ActivityTagsCollection { ["count"] = 3 }));
            child.SetStatus(ActivityStatusCode.Error, "index offline");
            (traceId, parentId, childId) = (parent.TraceId.ToHexString(), parent.SpanId.ToHexString(), child.SpanId.ToHexString());
        }

        await fixture.Store.WaitForSpansAsync(spans => spans.Count(span => span.TraceId == traceId) == 2, Timeout, ct);

        var trace = fixture.Store.GetSpans(traceId);
        var root = Assert.Single(trace, span => span.SpanId == parentId);
        var leaf = Assert.Single(trace, span => span.SpanId == childId);
        Assert.Null(root.ParentSpanId);
        Assert.Equal(parentId, leaf.ParentSpanId);
        Assert.All(trace, span =>
        {
            Assert.Equal(serviceName, span.ServiceName);
            Assert.Equal("retrieval-1", span.ServiceInstanceId);
            Assert.Equal(sourceName, span.ScopeName);
        });
        Assert.Equal(("POST /ask", ActivityKind.Server, "/ask"), (root.Name, root.Kind, root.Attributes["http.route"]));
        Assert.Equal(("8", "true"), (leaf.Attributes["retrieval.top_k"], leaf.Attributes["retrieval.hybrid"]));
        Assert.Equal((ActivityStatusCode.Error, "index offline"), (leaf.StatusCode, leaf.StatusMessage));
        var ranked = Assert.Single(leaf.Events);
        Assert.Equal(("chunks ranked", "3"), (ranked.Name, ranked.Attributes["count"]));
        Assert.True(root.StartTime <= leaf.StartTime && leaf.EndTime <= root.EndTime, "the child runs inside its parent");

        var summary = Assert.Single(fixture.Store.GetTraces(), t => t.TraceId == traceId);
        Assert.Equal(("POST /ask", 2, true), (summary.RootSpanName, summary.SpanCount, summary.HasErrors));
        Assert.Equal([serviceName], summary.Services);
    }

    [Fact]
    public async Task SdkExportedLogsArriveWithBodyAttributesCategoryAndTraceCorrelation()
    {
        var ct = TestContext.Current.CancellationToken;
        var serviceName = $"gateway-{Guid.NewGuid():N}";
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
        {
            options.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName, serviceInstanceId: "gateway-2"));
            options.IncludeFormattedMessage = true;
            options.AddOtlpExporter((exporter, processor) =>
            {
                exporter.Endpoint = new Uri(fixture.BaseAddress, "v1/logs");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.TimeoutMilliseconds = (int)Timeout.TotalMilliseconds;
                processor.ExportProcessorType = ExportProcessorType.Simple;
            });
        })))
        {
            var logger = loggerFactory.CreateLogger("SecureRag.Gateway.AskHandler");
            using var activity = new Activity("ask").SetIdFormat(ActivityIdFormat.W3C).Start();
            logger.LogWarning("Answered {QuestionId} from {ChunkCount} chunks", "q-42", 3);
            await AssertLogArrivesAsync(serviceName, activity.TraceId.ToHexString(), activity.SpanId.ToHexString(), ct);
        }
    }

    private async Task AssertLogArrivesAsync(string serviceName, string traceId, string spanId, CancellationToken ct)
    {
        var logs = await fixture.Store.WaitForLogsAsync(all => all.Any(log => log.ServiceName == serviceName), Timeout, ct);

        var log = Assert.Single(logs, log => log.ServiceName == serviceName);
        Assert.Equal("Answered q-42 from 3 chunks", log.Body);
        Assert.Equal((traceId, spanId), (log.TraceId, log.SpanId));
        Assert.Equal(("SecureRag.Gateway.AskHandler", "gateway-2"), (log.ScopeName, log.ServiceInstanceId));
        Assert.Equal(13, log.SeverityNumber); // WARN
        Assert.Equal(("q-42", "3"), (log.Attributes["QuestionId"], log.Attributes["ChunkCount"]));
    }
}
