using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Google.Protobuf;
using SecureRag.Hosting.Otlp.Proto.Collector.Trace.V1;
using SecureRag.Hosting.Otlp.Proto.Common.V1;
using SecureRag.Hosting.Otlp.Proto.Resource.V1;
using SecureRag.Hosting.Otlp.Proto.Trace.V1;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>Hand-built OTLP payloads, for what an SDK exporter never sends.</summary>
internal static class OtlpPayloads
{
    public const string ProtobufContentType = "application/x-protobuf";

    public static ByteString NewTraceId() => ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16));

    public static ByteString NewSpanId() => ByteString.CopyFrom(RandomNumberGenerator.GetBytes(8));

    public static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);

    public static Span Span(ByteString traceId, string name, ByteString? spanId = null) => new()
    {
        TraceId = traceId,
        SpanId = spanId ?? NewSpanId(),
        Name = name,
        Kind = SecureRag.Hosting.Otlp.Proto.Trace.V1.Span.Types.SpanKind.Internal,
        StartTimeUnixNano = 1_700_000_000_000_000_000,
        EndTimeUnixNano = 1_700_000_000_250_000_000,
    };

    public static ExportTraceServiceRequest Traces(string serviceName, params Span[] spans) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = new Resource { Attributes = { Attribute("service.name", serviceName) } },
                ScopeSpans = { new ScopeSpans { Scope = new InstrumentationScope { Name = "otlp-tests" }, Spans = { spans } } },
            },
        },
    };

    public static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static ByteArrayContent Content(byte[] body, string? contentType = ProtobufContentType, string? contentEncoding = null)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }

        return content;
    }

    public static ByteArrayContent Content(IMessage message) => Content(message.ToByteArray());

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
