using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using SecureRag.Bench;

namespace SecureRag.Gateway.Bench;

/// <summary>
/// How long a revoked key keeps working on another Gateway replica: a key is used on the second replica (so its
/// cache holds it), revoked through the first, and the second is polled until it refuses the key.
/// </summary>
public static class Revocation
{
    public static async Task<Latencies> MeasureAsync(
        GatewayClient first, HttpClient second, string ownerKey, int rounds, CancellationToken cancellationToken)
    {
        var me = await first.SendAsync(HttpMethod.Get, "/v1/me", ownerKey, null, cancellationToken);
        var userId = me["principalId"]!.GetValue<string>();
        var elapsed = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (secret, id) = await KeyPool.CreateKeyWithIdAsync(first, ownerKey, userId, $"revoked {round}", cancellationToken);
            if (await StatusAsync(second, secret, cancellationToken) != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("The second Gateway refused a new key.");
            }

            await first.SendAsync(HttpMethod.Delete, $"/v1/api-keys/{id}", ownerKey, null, cancellationToken);
            var clock = Stopwatch.StartNew();
            while (await StatusAsync(second, secret, cancellationToken) == HttpStatusCode.OK)
            {
                await Task.Delay(2, cancellationToken);
            }

            elapsed.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Latencies(elapsed);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient gateway, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await gateway.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }
}
