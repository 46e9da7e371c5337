using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>
/// A multipart upload of a generated file written by hand on a socket, reading the answer while the body is still
/// being sent. The Gateway refuses an oversized upload before all of it has arrived and then closes the connection,
/// which HttpClient reports as a failed write instead of returning the answer.
/// </summary>
public static class StreamingUpload
{
    private const string Boundary = "securerag-test-boundary";

    /// <param name="declareLength">Send a Content-Length for the whole body; otherwise the body is chunked, its size unknown up front.</param>
    public static async Task<(HttpStatusCode Status, JsonObject? Problem)> PostAsync(
        Uri gateway, string path, string credential, string fileName, long fileBytes, bool declareLength, CancellationToken cancellationToken)
    {
        var head = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: text/plain\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
        var framing = declareLength ? $"Content-Length: {head.Length + fileBytes + tail.Length}" : "Transfer-Encoding: chunked";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        using var client = new TcpClient();
        await client.ConnectAsync(gateway.Host, gateway.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {gateway.Authority}\r\nAuthorization: Bearer {credential}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\n{framing}\r\nConnection: close\r\n\r\n"), timeout.Token);

        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var answer = ReadToEndAsync(stream, timeout.Token);
        var sending = SendAsync(stream, head, fileBytes, tail, chunked: !declareLength, stopSending.Token);
        var response = await answer;
        await stopSending.CancelAsync();
        try
        {
            await sending;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
            // The Gateway stopped reading: expected once it has refused.
        }

        return Parse(response);
    }

    private static async Task SendAsync(NetworkStream stream, byte[] head, long fileBytes, byte[] tail, bool chunked, CancellationToken cancellationToken)
    {
        async Task WriteAsync(ReadOnlyMemory<byte> data)
        {
            if (chunked)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), cancellationToken);
                await stream.WriteAsync(data, cancellationToken);
                await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            }
            else
            {
                await stream.WriteAsync(data, cancellationToken);
            }
        }

        await WriteAsync(head);
        var file = new GeneratedStream(fileBytes);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await WriteAsync(buffer.AsMemory(0, read));
        }

        await WriteAsync(tail);
        if (chunked)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
        }
    }

    /// <summary>Everything the server sends until it closes the connection (or resets it).</summary>
    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
        }

        return received.ToArray();
    }

    private static (HttpStatusCode Status, JsonObject? Problem) Parse(byte[] response)
    {
        var text = Encoding.UTF8.GetString(response);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"No HTTP answer: '{text}'");
        var headers = text[..split].Split("\r\n");
        var status = (HttpStatusCode)int.Parse(headers[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var body = text[(split + 4)..];
        if (headers.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            var decoded = new StringBuilder();
            var position = 0;
            while (position < body.Length)
            {
                var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
                var size = int.Parse(body[position..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    break;
                }

                decoded.Append(body, lineEnd + 2, size);
                position = lineEnd + 2 + size + 2;
            }

            body = decoded.ToString();
        }

        return (status, body.Length == 0 ? null : JsonNode.Parse(body)?.AsObject());
    }
}
