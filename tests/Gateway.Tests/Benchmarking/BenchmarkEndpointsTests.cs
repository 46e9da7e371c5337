using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SecureRag.Gateway.Benchmarking;

namespace SecureRag.Gateway.Tests.Benchmarking;

/// <summary>The benchmark's unsecured route exists only when asked for, and never outside Development.</summary>
public sealed class BenchmarkEndpointsTests
{
    [Fact]
    public void EnablingTheBenchmarkRoutesOutsideDevelopmentStopsTheStart()
    {
        using var app = Build(Environments.Production, enabled: true);

        var error = Assert.Throws<InvalidOperationException>(() => app.MapBenchmarkEndpoints());

        Assert.Contains("Development", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public void TheRoutesAreMappedOnlyWhenEnabled(bool enabled, int routes)
    {
        using var app = Build(Environments.Development, enabled);

        app.MapBenchmarkEndpoints();

        Assert.Equal(routes, ((IEndpointRouteBuilder)app).DataSources.Sum(source => source.Endpoints.Count));
    }

    private static WebApplication Build(string environment, bool enabled)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{BenchmarkOptions.SectionName}:Enabled"] = enabled.ToString() });
        return builder.Build();
    }
}
