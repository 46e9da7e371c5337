using System.Net;
using System.Text;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

/// <summary>
/// A run that creates keys, uses them, and presents unknown and revoked ones; afterwards no secret appears in any
/// resource's console output, in any span or log the services exported, or in any API response after creation.
/// </summary>
public sealed class SecretsNeverLeakTests(PlatformFixture platform)
{
    [Fact]
    public async Task NoSecretAppearsInLogsSpansOrLaterResponses()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await platform.Client.CreateTenantAsync("secrets");
        var (_, adminKey, _) = await tenant.CreateUserWithKeyAsync("keeper", ["admin"]);
        var (revokedKey, revokedId) = await tenant.CreateKeyAsync(new { name = "to revoke", scopes = new[] { "query" } });
        var unknownKey = "sr_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        string[] secrets = [tenant.OwnerKey, adminKey, revokedKey, unknownKey, platform.Client.OwnerKey];

        var responses = new StringBuilder();
        using (var admin = platform.Client.Gateway(adminKey))
        {
            foreach (var path in new[] { "/v1/me", "/v1/users", "/v1/api-keys", "/v1/audit?pageSize=1000" })
            {
                using var response = await admin.GetAsync(path, ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                responses.AppendLine(await response.Content.ReadAsStringAsync(ct));
            }
        }

        await platform.Client.SendAsync(tenant.OwnerKey, HttpMethod.Delete, $"/v1/api-keys/{revokedId}");
        foreach (var refused in new[] { revokedKey, unknownKey, adminKey + "x" })
        {
            using var client = platform.Client.Gateway(refused);
            using var response = await client.GetAsync("/v1/me", ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            responses.AppendLine(await response.Content.ReadAsStringAsync(ct));
        }

        // Spans and logs leave the services in batches every 500 ms; wait for the last request's spans to arrive.
        await platform.App.Telemetry.WaitForSpansAsync(
            all => all.Count(s => s.ServiceName == "gateway" && s.Name.Contains("/v1/me", StringComparison.Ordinal)) >= 4,
            TimeSpan.FromSeconds(20), ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        var console = platform.App.Resources.SelectMany(r => platform.App.ConsoleLogs.GetLines(r.Name)).Select(l => l.Text).ToList();
        var spans = platform.App.Telemetry.GetSpans().SelectMany(s =>
            new[] { s.Name, s.StatusMessage ?? "" }.Concat(s.Attributes.Values)
                .Concat(s.Events.SelectMany(e => e.Attributes.Values.Append(e.Name)))).ToList();
        var logs = platform.App.Telemetry.GetLogs().SelectMany(l => l.Attributes.Values.Append(l.Body)).ToList();
        Assert.NotEmpty(console);
        Assert.NotEmpty(logs);

        foreach (var secret in secrets)
        {
            // The random part alone, so a secret cut, quoted or prefixed differently is still found.
            var needle = secret[^32..];
            Assert.DoesNotContain(console, line => line.Contains(needle, StringComparison.Ordinal));
            Assert.DoesNotContain(spans, value => value.Contains(needle, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, value => value.Contains(needle, StringComparison.Ordinal));
            Assert.DoesNotContain(needle, responses.ToString(), StringComparison.Ordinal);
        }
    }
}
