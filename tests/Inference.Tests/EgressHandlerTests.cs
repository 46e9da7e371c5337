using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Tests;

/// <summary>The egress-guarded handler against a loopback server; "outside" names resolve to documentation addresses, so nothing leaves loopback.</summary>
public sealed class EgressHandlerTests(FakeModelRuntime runtime) : IClassFixture<FakeModelRuntime>
{
    private readonly FakeResolver _resolver = new();

    private HttpClient Client(EgressOptions? options = null) =>
        new(EgressHandlerFactory.Create(new EgressGuard(options ?? new EgressOptions()), _resolver, NullLogger.Instance, TimeSpan.FromSeconds(2)));

    [Fact]
    public async Task PublicAddressIsRefusedAtConnectTime()
    {
        _resolver.Map("runtime.test", "203.0.113.10");
        using var client = Client();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://runtime.test:{runtime.Port}/ok", TestContext.Current.CancellationToken));

        var denied = EgressDeniedException.Find(error);
        Assert.NotNull(denied);
        Assert.Equal(IPAddress.Parse("203.0.113.10"), denied.Decision.Address);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("2001:db8::7")]
    public async Task AddressLiteralsAreCheckedToo(string address)
    {
        using var client = Client(new EgressOptions { AllowedHosts = ["*"] });
        var host = address.Contains(':') ? $"[{address}]" : address;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://{host}:{runtime.Port}/ok", TestContext.Current.CancellationToken));

        Assert.NotNull(EgressDeniedException.Find(error));
        Assert.Empty(_resolver.Lookups);
    }

    [Fact]
    public async Task ANameThatResolvedToAnAllowedAddressIsRefusedWhenItLaterResolvesOutside()
    {
        _resolver.Map("runtime.test", "127.0.0.1");
        using var client = Client();
        var cancellationToken = TestContext.Current.CancellationToken;

        // The server closes the connection, so the next request must connect (and resolve) again.
        var first = await client.GetAsync($"http://runtime.test:{runtime.Port}/close", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        _resolver.Map("runtime.test", "198.51.100.7");
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://runtime.test:{runtime.Port}/ok", cancellationToken));

        Assert.Equal(IPAddress.Parse("198.51.100.7"), EgressDeniedException.Find(error)?.Decision.Address);
        Assert.Equal(2, _resolver.Lookups.Count(l => l == "runtime.test"));
    }

    [Fact]
    public async Task OnlyAllowedAddressesOfAMixedAnswerAreConnectedTo()
    {
        _resolver.Map("runtime.test", "203.0.113.10", "127.0.0.1");
        using var client = Client();

        var response = await client.GetStringAsync($"http://runtime.test:{runtime.Port}/ok", TestContext.Current.CancellationToken);

        Assert.Equal("ok", response);
    }

    [Fact]
    public async Task ARedirectToAnOutsideAddressIsNotFollowed()
    {
        _resolver.Map("outside.test", "203.0.113.5");
        using var client = Client();

        var response = await client.GetAsync(
            $"http://127.0.0.1:{runtime.Port}/redirect?to=http://outside.test/steal", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://outside.test/steal", response.Headers.Location?.ToString());
        Assert.DoesNotContain("outside.test", _resolver.Lookups);
    }
}
