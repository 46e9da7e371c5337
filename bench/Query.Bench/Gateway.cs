using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SecureRag.Query.Bench;

/// <summary>The public API calls the benchmark makes, each checked for success.</summary>
public sealed class Gateway(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, string key, object? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    /// <returns>The job's URL; retried while the Gateway answers 429 or 503.</returns>
    public async Task<string> UploadAsync(string knowledgeBaseId, string key, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var form = new MultipartFormDataContent { { new StringContent(fileName), "title" } };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(file, "file", fileName);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/knowledge-bases/{knowledgeBaseId}/documents") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await Http.SendAsync(request, cancellationToken);
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

            return JsonNode.Parse(text)!["jobUrl"]!.GetValue<string>();
        }
    }
}
