using System.Net;
using Google.Protobuf;
using SecureRag.Hosting.Otlp.Proto.Collector.Logs.V1;
using SecureRag.Hosting.Otlp.Proto.Collector.Metrics.V1;
using SecureRag.Hosting.Otlp.Proto.Collector.Trace.V1;
using SecureRag.Hosting.Otlp.Proto.Common.V1;
using SecureRag.Hosting.Otlp.Proto.Logs.V1;
using SecureRag.Hosting.Otlp.Proto.Metrics.V1;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>Valid OTLP/HTTP exports the SDK exporter does not produce: gzip, invalid ids, every value type, metrics.</summary>
public sealed class OtlpReceiverExportTests(OtlpReceiverFixture fixture) : IClassFixture<OtlpReceiverFixture>
{
    [Fact]
    public async Task ValidExportIsAnsweredWithAnEmptyProtobufResponse()
    {
        var ct = TestContext.Current.CancellationToken;
        var traceId = OtlpPayloads.NewTraceId();

        using var response = await fixture.Client.PostAsync(
            "v1/traces", OtlpPayloads.Content(OtlpPayloads.Traces("plain", OtlpPayloads.Span(traceId, "plain span"))), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OtlpPayloads.ProtobufContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Null(ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(ct)).PartialSuccess);
        Assert.Single(fixture.Store.GetSpans(OtlpPayloads.Hex(traceId)));
    }

    [Fact]
    public async Task GzipCompressedExportIsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var traceId = OtlpPayloads.NewTraceId();
        var body = OtlpPayloads.Traces("zipped", OtlpPayloads.Span(traceId, "zipped span")).ToByteArray();

        using var response = await fixture.Client.PostAsync(
            "v1/traces", OtlpPayloads.Content(OtlpPayloads.Gzip(body), contentEncoding: "gzip"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var span = Assert.Single(fixture.Store.GetSpans(OtlpPayloads.Hex(traceId)));
        Assert.Equal(("zipped span", "zipped"), (span.Name, span.ServiceName));
    }

    [Fact]
    public async Task SpansWithInvalidIdsAreCountedAsAPartialSuccessWhileValidOnesAreKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var traceId = OtlpPayloads.NewTraceId();
        var shortTraceId = OtlpPayloads.Span(ByteString.CopyFrom(1, 2, 3, 4), "short trace id");
        var zeroSpanId = OtlpPayloads.Span(traceId, "zero span id", ByteString.CopyFrom(new byte[8]));
        var export = OtlpPayloads.Traces("partial", OtlpPayloads.Span(traceId, "valid"), shortTraceId, zeroSpanId);

        using var response = await fixture.Client.PostAsync("v1/traces", OtlpPayloads.Content(export), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(ct)).PartialSuccess;
        Assert.Equal(2, partial.RejectedSpans);
        Assert.False(string.IsNullOrEmpty(partial.ErrorMessage));
        Assert.Equal("valid", Assert.Single(fixture.Store.GetSpans(OtlpPayloads.Hex(traceId))).Name);
    }

    [Fact]
    public async Task EveryAttributeValueTypeIsStoredAsAString()
    {
        var ct = TestContext.Current.CancellationToken;
        var traceId = OtlpPayloads.NewTraceId();
        var span = OtlpPayloads.Span(traceId, "typed");
        span.Attributes.Add(new KeyValue { Key = "int", Value = new AnyValue { IntValue = -42 } });
        span.Attributes.Add(new KeyValue { Key = "double", Value = new AnyValue { DoubleValue = 0.25 } });
        span.Attributes.Add(new KeyValue { Key = "bool", Value = new AnyValue { BoolValue = false } });
        span.Attributes.Add(new KeyValue { Key = "bytes", Value = new AnyValue { BytesValue = ByteString.CopyFrom(1, 2, 255) } });
        span.Attributes.Add(new KeyValue
        {
            Key = "array",
            Value = new AnyValue
            {
                ArrayValue = new ArrayValue { Values = { new AnyValue { StringValue = "a" }, new AnyValue { IntValue = 1 } } },
            },
        });
        span.Attributes.Add(new KeyValue
        {
            Key = "map",
            Value = new AnyValue { KvlistValue = new KeyValueList { Values = { OtlpPayloads.Attribute("k", "v") } } },
        });

        using var response = await fixture.Client.PostAsync("v1/traces", OtlpPayloads.Content(OtlpPayloads.Traces("typed", span)), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attributes = Assert.Single(fixture.Store.GetSpans(OtlpPayloads.Hex(traceId))).Attributes;
        Assert.Equal("-42", attributes["int"]);
        Assert.Equal("0.25", attributes["double"]);
        Assert.Equal("false", attributes["bool"]);
        Assert.Equal("AQL/", attributes["bytes"]);
        Assert.Equal("""["a",1]""", attributes["array"]);
        Assert.Equal("""{"k":"v"}""", attributes["map"]);
    }

    [Fact]
    public async Task LogRecordWithoutTimestampsFallsBackToObservedTimeAndKeepsItsEventName()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = $"logs-{Guid.NewGuid():N}";
        var observed = DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000);
        var record = new LogRecord
        {
            ObservedTimeUnixNano = (ulong)(observed - DateTimeOffset.UnixEpoch).Ticks * 100,
            SeverityNumber = SeverityNumber.Error,
            Body = new AnyValue { StringValue = "index offline" },
            EventName = "retrieval.failed",
        };
        var export = new ExportLogsServiceRequest
        {
            ResourceLogs =
            {
                new ResourceLogs
                {
                    Resource = new() { Attributes = { OtlpPayloads.Attribute("service.name", service) } },
                    ScopeLogs = { new ScopeLogs { LogRecords = { record } } },
                },
            },
        };

        using var response = await fixture.Client.PostAsync("v1/logs", OtlpPayloads.Content(export), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = Assert.Single(fixture.Store.GetLogs(), log => log.ServiceName == service);
        Assert.Equal((observed, 17, "index offline", "retrieval.failed"), (log.Timestamp, log.SeverityNumber, log.Body, log.EventName));
        Assert.Null(log.TraceId);
    }

    [Fact]
    public async Task MetricDataPointsAreCountedAndDiscarded()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = fixture.Store.MetricDataPointCount;
        var export = new ExportMetricsServiceRequest
        {
            ResourceMetrics =
            {
                new ResourceMetrics
                {
                    ScopeMetrics =
                    {
                        new ScopeMetrics
                        {
                            Metrics =
                            {
                                new Metric
                                {
                                    Name = "queue.depth",
                                    Gauge = new Gauge
                                    {
                                        DataPoints = { new NumberDataPoint { AsInt = 3 }, new NumberDataPoint { AsDouble = 4.5 } },
                                    },
                                },
                                new Metric
                                {
                                    Name = "latency",
                                    Histogram = new Histogram { DataPoints = { new HistogramDataPoint { Count = 2, Sum = 0.5 } } },
                                },
                            },
                        },
                    },
                },
            },
        };

        using var response = await fixture.Client.PostAsync("v1/metrics", OtlpPayloads.Content(export), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(ct)).PartialSuccess);
        Assert.Equal(before + 3, fixture.Store.MetricDataPointCount);
    }
}
