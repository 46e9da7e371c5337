using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SecureRag.Gateway.Transport;

namespace SecureRag.Gateway.Tests.Transport;

public sealed class TrustedProxiesTests
{
    [Fact]
    public async Task ForwardedAddressFromAnUntrustedPeerIsIgnoredEvenOnLoopback()
    {
        var seen = await ClientAddressAsync(trusted: [], peer: IPAddress.Loopback, forwardedFor: "203.0.113.7");
        Assert.Equal(IPAddress.Loopback, seen);
    }

    [Fact]
    public async Task ForwardedAddressFromATrustedNetworkIsBelieved()
    {
        var seen = await ClientAddressAsync(trusted: ["10.0.0.0/8"], peer: IPAddress.Parse("10.1.2.3"), forwardedFor: "203.0.113.7");
        Assert.Equal(IPAddress.Parse("203.0.113.7"), seen);
    }

    [Fact]
    public async Task AClientCannotPrependAnAddressThroughATrustedProxy()
    {
        // The client sent "X-Forwarded-For: 198.51.100.1" itself; the trusted proxy appended the real client address.
        var seen = await ClientAddressAsync(trusted: ["10.0.0.5"], peer: IPAddress.Parse("10.0.0.5"), forwardedFor: "198.51.100.1, 203.0.113.7");
        Assert.Equal(IPAddress.Parse("203.0.113.7"), seen);
    }

    [Fact]
    public void AnEntryThatIsNoAddressStopsTheStart() =>
        Assert.Throws<InvalidOperationException>(() => TrustedProxies.Apply(new ForwardedHeadersOptions(), ["proxy.internal"]));

    private static async Task<IPAddress?> ClientAddressAsync(string[] trusted, IPAddress peer, string forwardedFor)
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Apply(options, trusted);
        IPAddress? seen = null;
        var middleware = new ForwardedHeadersMiddleware(context => { seen = context.Connection.RemoteIpAddress; return Task.CompletedTask; },
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Options.Create(options));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = peer;
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        await middleware.Invoke(context);
        return seen;
    }
}
