using Google.Protobuf;

namespace SecureRag.Hosting.Otlp;

/// <summary>Trace and span ids as the store keeps them: lowercase hex.</summary>
internal static class OtlpIds
{
    public const int TraceIdLength = 16;
    public const int SpanIdLength = 8;

    /// <summary>
    /// The id in lowercase hex, or <see langword="null"/> when it is invalid: the specification
    /// (trace.proto, Span.trace_id/span_id) calls all zeroes or any other length invalid.
    /// </summary>
    public static string? ToHex(ByteString id, int length)
    {
        var bytes = id.Span;
        return bytes.Length == length && bytes.ContainsAnyExcept((byte)0) ? Convert.ToHexStringLower(bytes) : null;
    }
}
