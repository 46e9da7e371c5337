using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SecureRag.Bench;

/// <summary>The public API calls the benchmarks make to set themselves up, each checked for success.</summary>
public sealed class GatewayClient(HttpClient http)
{
    public async Task<JsonNode> SendAsync(HttpMethod method, string path, string key, object? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    /// <summary>Exchanges the platform's one-time bootstrap credential for the operator's key.</summary>
    public async Task<string> BootstrapAsync(string credential, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, "/v1/bootstrap", credential, null, cancellationToken))["secret"]!.GetValue<string>();

    /// <returns>The accepted upload (<c>jobId</c>, <c>jobUrl</c>); retried while the Gateway answers 429 or 503.</returns>
    public async Task<JsonNode> UploadAsync(
        string knowledgeBaseId, string key, string title, string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var form = new MultipartFormDataContent { { new StringContent(title), "title" } };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", fileName);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/knowledge-bases/{knowledgeBaseId}/documents") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < 50)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200), cancellationToken);
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"upload {fileName}: {(int)response.StatusCode} {text}");
            }

            return JsonNode.Parse(text)!;
        }
    }
}
