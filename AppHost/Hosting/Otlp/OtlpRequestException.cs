namespace SecureRag.Hosting.Otlp;

/// <summary>An OTLP/HTTP request the receiver refuses: the HTTP status to answer with and a short reason.</summary>
internal sealed class OtlpRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
