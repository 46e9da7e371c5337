using System.Buffers;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace SecureRag.Hosting.Otlp;

/// <summary>
/// Reads an OTLP/HTTP binary protobuf request body (OTLP specification, "OTLP/HTTP Request"): checks the content
/// type and encoding, bounds the size before and after gzip, and parses the message.
/// </summary>
internal static class OtlpRequestReader
{
    public const string ProtobufContentType = "application/x-protobuf";

    private const int CopyBufferSize = 81_920;

    /// <exception cref="OtlpRequestException">415, 413 or 400 with a short reason.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, MessageParser<T> parser, int maxBytes, CancellationToken ct)
        where T : IMessage<T>
    {
        EnsureProtobuf(request.ContentType);
        var gzip = IsGzip(request.Headers.ContentEncoding.ToString());
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // The receiver's limit, not a lower server-wide one, decides, so an oversized export still gets a Status body.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = maxBytes;
        }

        using var body = await ReadBodyAsync(request, maxBytes, ct).ConfigureAwait(false);
        using var payload = gzip ? await DecompressAsync(body, maxBytes, ct).ConfigureAwait(false) : null;
        var bytes = payload ?? body;
        try
        {
            return parser.ParseFrom(bytes.GetBuffer(), 0, (int)bytes.Length);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new OtlpRequestException(
                StatusCodes.Status400BadRequest, $"The body is not a valid {typeof(T).Name} protobuf message: {ex.Message}");
        }
    }

    private static void EnsureProtobuf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new OtlpRequestException(
                StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{contentType}' is not supported; send binary protobuf as {ProtobufContentType} " +
                "(OTLP/JSON is not supported).");
        }
    }

    // OTLP/HTTP defines gzip as the only compression; an unknown Content-Encoding is a 415 (RFC 9110, 15.5.16).
    private static bool IsGzip(string contentEncoding) => contentEncoding.Trim().ToLowerInvariant() switch
    {
        "" or "identity" => false,
        "gzip" => true,
        _ => throw new OtlpRequestException(
            StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{contentEncoding}' is not supported; use gzip or none."),
    };

    private static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        try
        {
            return await ReadCappedAsync(request.Body, maxBytes, request.ContentLength, ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own refusals (its size limit, broken chunked framing) get a Status body like ours.
            throw new OtlpRequestException(ex.StatusCode, ex.Message);
        }
    }

    private static async Task<MemoryStream> DecompressAsync(MemoryStream compressed, int maxBytes, CancellationToken ct)
    {
        compressed.Position = 0;
        var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            try
            {
                // The limit applies to the inflated size too, so a small "gzip bomb" cannot exhaust memory.
                return await ReadCappedAsync(gzip, maxBytes, null, ct).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                throw new OtlpRequestException(StatusCodes.Status400BadRequest, "The body is not valid gzip data.");
            }
        }
    }

    private static async Task<MemoryStream> ReadCappedAsync(Stream source, int maxBytes, long? expectedLength, CancellationToken ct)
    {
        var output = new MemoryStream(expectedLength is { } length ? (int)length : 0);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                output.Write(buffer, 0, read);
            }

            return output;
        }
        catch
        {
            await output.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static OtlpRequestException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body exceeds the receiver's limit of {maxBytes} bytes.");
}
