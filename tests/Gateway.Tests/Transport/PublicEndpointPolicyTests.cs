using Microsoft.Extensions.Configuration;
using SecureRag.Gateway.Transport;

namespace SecureRag.Gateway.Tests.Transport;

public sealed class PublicEndpointPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    [InlineData("https://0.0.0.0:8443")]
    public void DevelopmentAllowsPlainHttpOnLoopbackAndHttpsAnywhere(string url) =>
        Assert.Empty(PublicEndpointPolicy.Violations(Endpoints(("http", url)), isDevelopment: true));

    [Fact]
    public void DevelopmentRefusesPlainHttpOnAnotherAddress()
    {
        var violation = Assert.Single(PublicEndpointPolicy.Violations(Endpoints(("http", "http://0.0.0.0:8080")), isDevelopment: true));
        Assert.Contains("loopback", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionRefusesPlainHttpEvenOnLoopback()
    {
        var violations = PublicEndpointPolicy.Violations(Endpoints(("http", "http://127.0.0.1:8080")), isDevelopment: false);
        Assert.Contains("outside Development", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionAcceptsHttpsAndTheInternalGrpcEndpoint() =>
        Assert.Empty(PublicEndpointPolicy.Violations(
            Endpoints(("https", "https://0.0.0.0:8443"), ("grpc", "http://0.0.0.0:8081")), isDevelopment: false));

    [Fact]
    public void UrlsSettingIsCheckedToo() =>
        Assert.Single(PublicEndpointPolicy.Violations(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "https://+:8443;http://+:8080" }).Build(),
            isDevelopment: false));

    private static IConfiguration Endpoints(params (string Name, string Url)[] endpoints) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(endpoints.Select(e => new KeyValuePair<string, string?>($"Kestrel:Endpoints:{e.Name}:Url", e.Url)))
            .Build();
}
