using Microsoft.Extensions.Options;

namespace SecureRag.Auth.Tests.Oidc;

public sealed class OidcOptionsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("RS1")]
    public async Task WeakOrUnknownAlgorithmStopsTheStart(string algorithm)
    {
        using var host = ValidatorHost.Create(
            ["https://login.example.com"], "Production", new Dictionary<string, string?> { ["Auth:Oidc:AllowedAlgorithms:0"] = algorithm });

        var failures = await StartFailuresAsync(host);

        Assert.Contains(failures, f => f.Contains("AllowedAlgorithms", StringComparison.Ordinal) && f.Contains(algorithm, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://login.example.com", "Development")]
    [InlineData("http://127.0.0.1:5000/realm", "Production")]
    [InlineData("not a url", "Production")]
    [InlineData("https://login.example.com/?tenant=1", "Production")]
    public async Task IssuerThatIsNotASafeUrlStopsTheStart(string issuer, string environment)
    {
        using var host = ValidatorHost.Create([issuer], environment);

        var failures = await StartFailuresAsync(host);

        Assert.Contains(failures, f => f.Contains("TrustedIssuers:0:Issuer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Auth:Oidc:MaxTokenBytes", "100")]
    [InlineData("Auth:Oidc:ClockSkew", "01:00:00")]
    [InlineData("Auth:Oidc:MetadataRefreshInterval", "00:00:10")]
    public async Task OutOfRangeLimitStopsTheStart(string key, string value)
    {
        using var host = ValidatorHost.Create(["https://login.example.com"], "Production", new Dictionary<string, string?> { [key] = value });

        var failures = await StartFailuresAsync(host);

        Assert.Contains(failures, f => f.Contains(key.Split(':')[^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpsIssuersStartInProduction()
    {
        using var host = ValidatorHost.Create(["https://login.example.com", "https://idp.example.org/realms/acme"], "Production");

        var failures = await StartFailuresAsync(host);

        Assert.Empty(failures);
        Assert.NotNull(host.Validator);
    }

    /// <summary>The start-up validation failures (the host reports several options' failures together).</summary>
    private static async Task<List<string>> StartFailuresAsync(ValidatorHost host)
    {
        try
        {
            await host.Host.StartAsync(Cancellation);
        }
        catch (Exception ex)
        {
            return [.. ValidationFailures(ex).SelectMany(v => v.Failures)];
        }

        await host.Host.StopAsync(Cancellation);
        return [];
    }

    private static IEnumerable<OptionsValidationException> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [validation],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ValidationFailures),
        _ => throw exception,
    };
}
