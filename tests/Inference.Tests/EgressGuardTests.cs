using System.Net;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Tests;

public sealed class EgressGuardTests
{
    private static readonly EgressGuard Guard = new(new EgressOptions
    {
        AllowedNetworks = ["10.20.0.0/16", "fd00:1234::/32"],
        AllowedHosts = ["*.models.internal", "tei.example"],
    });

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("ff02::1")]
    [InlineData("255.255.255.255")]
    public void MetadataLinkLocalUnspecifiedAndMulticastAreAlwaysRefused(string address)
    {
        var permissive = new EgressGuard(new EgressOptions { AllowedNetworks = ["0.0.0.0/0", "::/0"], AllowedHosts = ["metadata.test"] });

        Assert.False(permissive.Evaluate("metadata.test", IPAddress.Parse(address)).Allowed);
        Assert.False(Guard.Evaluate("x.models.internal", IPAddress.Parse(address)).Allowed);
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:203.0.113.9")]
    [InlineData("::ffff:0:203.0.113.9")]
    [InlineData("64:ff9b::cb00:7109")]
    [InlineData("10.21.0.1")]
    public void AddressesOutsideTheAllowListAreRefused(string address)
    {
        var decision = Guard.Evaluate("runtime", IPAddress.Parse(address));

        Assert.False(decision.Allowed);
        Assert.Contains("allow-list", decision.Reason);
    }

    [Theory]
    [InlineData("10.20.3.4")]
    [InlineData("::ffff:10.20.3.4")]
    [InlineData("fd00:1234::9")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void AllowedNetworksAndLoopbackAreAllowed(string address) =>
        Assert.True(Guard.Evaluate("runtime", IPAddress.Parse(address)).Allowed);

    [Fact]
    public void MappedAddressesAreCheckedAsTheIPv4TheyCarry()
    {
        Assert.Equal(IPAddress.Parse("169.254.169.254"), EgressGuard.Unwrap(IPAddress.Parse("::ffff:169.254.169.254")));
        Assert.Equal(IPAddress.Parse("203.0.113.9"), EgressGuard.Unwrap(IPAddress.Parse("64:ff9b::cb00:7109")));
        Assert.Equal(IPAddress.IPv6Loopback, EgressGuard.Unwrap(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void LoopbackCanBeSwitchedOff() =>
        Assert.False(new EgressGuard(new EgressOptions { AllowLoopback = false }).Evaluate("localhost", IPAddress.Loopback).Allowed);

    [Theory]
    [InlineData("a.models.internal", true)]
    [InlineData("A.B.Models.Internal.", true)]
    [InlineData("models.internal", false)]
    [InlineData("evilmodels.internal", false)]
    [InlineData("tei.example", true)]
    [InlineData("tei.example.evil", false)]
    public void HostNamesMatchExactlyOrBySubdomainWildcard(string host, bool allowed) =>
        Assert.Equal(allowed, Guard.Evaluate(host, IPAddress.Parse("203.0.113.50")).Allowed);

    [Fact]
    public void AMalformedRangeIsAConfigurationError() =>
        Assert.Throws<FormatException>(() => new EgressGuard(new EgressOptions { AllowedNetworks = ["10.0.0.0/33"] }));
}
