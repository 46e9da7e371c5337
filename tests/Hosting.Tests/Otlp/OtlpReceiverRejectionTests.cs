using System.Net;
using System.Text;
using Google.Protobuf;
using SecureRag.Hosting.Otlp;
using SecureRag.Hosting.Otlp.Proto.Rpc;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>Malformed OTLP/HTTP requests are refused with a 4xx and a google.rpc.Status body, and the receiver keeps working.</summary>
public sealed class OtlpReceiverRejectionTests(OtlpReceiverFixture fixture) : IClassFixture<OtlpReceiverFixture>
{
    [Theory]
    [InlineData("garbage bytes", "v1/traces", HttpStatusCode.BadRequest)]
    [InlineData("truncated protobuf", "v1/traces", HttpStatusCode.BadRequest)]
    [InlineData("truncated protobuf", "v1/logs", HttpStatusCode.BadRequest)]
    [InlineData("truncated protobuf", "v1/metrics", HttpStatusCode.BadRequest)]
    [InlineData("bad gzip", "v1/traces", HttpStatusCode.BadRequest)]
    [InlineData("json content type", "v1/traces", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("no content type", "v1/logs", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("brotli encoding", "v1/traces", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("oversized body", "v1/traces", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("oversized chunked body", "v1/traces", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("gzip bomb", "v1/traces", HttpStatusCode.RequestEntityTooLarge)]
    public async Task MalformedExportIsRejectedAndTheNextValidExportSucceeds(string malformation, string path, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;

        using var rejected = await fixture.Client.PostAsync(path, Malformed(malformation), ct);

        Assert.Equal(expected, rejected.StatusCode);
        Assert.Equal(OtlpPayloads.ProtobufContentType, rejected.Content.Headers.ContentType?.MediaType);
        var status = Status.Parser.ParseFrom(await rejected.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(3, status.Code); // INVALID_ARGUMENT
        Assert.False(string.IsNullOrWhiteSpace(status.Message));

        var traceId = OtlpPayloads.NewTraceId();
        using var accepted = await fixture.Client.PostAsync(
            "v1/traces", OtlpPayloads.Content(OtlpPayloads.Traces("after-rejection", OtlpPayloads.Span(traceId, "still works"))), ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("still works", Assert.Single(fixture.Store.GetSpans(OtlpPayloads.Hex(traceId))).Name);
    }

    private static HttpContent Malformed(string malformation)
    {
        var valid = OtlpPayloads.Traces("malformed", OtlpPayloads.Span(OtlpPayloads.NewTraceId(), "never stored")).ToByteArray();
        var tooLarge = new byte[OtlpReceiverEndpoints.MaxRequestBodyBytes + 1];
        return malformation switch
        {
            // 't' (0x74) reads as an end-group tag with no group open, which no protobuf parser accepts.
            "garbage bytes" => OtlpPayloads.Content(Encoding.UTF8.GetBytes("this is not a protobuf message")),
            // Cutting the end off the single top-level field leaves its declared length longer than the body.
            "truncated protobuf" => OtlpPayloads.Content(valid[..^3]),
            "bad gzip" => OtlpPayloads.Content(valid, contentEncoding: "gzip"),
            "json content type" => OtlpPayloads.Content(Encoding.UTF8.GetBytes("""{"resourceSpans":[]}"""), "application/json"),
            "no content type" => OtlpPayloads.Content(valid, contentType: null),
            "brotli encoding" => OtlpPayloads.Content(valid, contentEncoding: "br"),
            "oversized body" => OtlpPayloads.Content(tooLarge),
            "oversized chunked body" => Chunked(tooLarge),
            "gzip bomb" => OtlpPayloads.Content(OtlpPayloads.Gzip(tooLarge), contentEncoding: "gzip"),
            _ => throw new ArgumentOutOfRangeException(nameof(malformation), malformation, null),
        };
    }

    // A non-seekable stream has no length, so HttpClient sends it chunked and the server must count as it reads.
    private static StreamContent Chunked(byte[] body)
    {
        var content = new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = new(OtlpPayloads.ProtobufContentType);
        return content;
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
