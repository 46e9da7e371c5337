using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace SecureRag.Hosting.Otlp;

/// <summary>An HTTP response whose body is one binary protobuf message, as OTLP/HTTP answers both success and failure.</summary>
internal sealed class ProtobufHttpResult(IMessage message, int statusCode = StatusCodes.Status200OK)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public IMessage Message { get; } = message;

    public int? StatusCode => statusCode;

    public string ContentType => OtlpRequestReader.ProtobufContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Message.ToByteArray();
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
