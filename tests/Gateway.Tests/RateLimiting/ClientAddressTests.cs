using System.Net;
using SecureRag.Gateway.RateLimiting;

namespace SecureRag.Gateway.Tests.RateLimiting;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::", "2001:db8:1:2::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    [InlineData("::1", "::/64")]
    public void AddressesAreNormalisedBeforeTheyAreCounted(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.Normalize(IPAddress.Parse(address)));
}
