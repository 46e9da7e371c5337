using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SecureRag.Audit.Domain;

namespace SecureRag.Audit.Tests;

public sealed class AuditOptionsTests
{
    [Fact]
    public void ProductionRefusesToStartWithoutAChainKey()
    {
        var result = Validate(Environments.Production, new AuditOptions());

        Assert.True(result.Failed);
        Assert.Contains("Audit:ChainKey is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all!")]
    public void ShortOrMalformedChainKeyIsRefused(string key) =>
        Assert.True(Validate(Environments.Production, new AuditOptions { ChainKey = key }).Failed);

    [Fact]
    public void DevelopmentStartsWithoutAChainKey() =>
        Assert.True(Validate(Environments.Development, new AuditOptions()).Succeeded);

    [Fact]
    public void OutOfRangeNestedSettingsAreRefused()
    {
        var options = new AuditOptions { ChainKey = AuditTestHost.ChainKey };
        options.Ingest.BatchSize = 0;
        options.Retention.Tenants["tenant-a"] = TimeSpan.FromHours(1);

        var result = Validate(Environments.Production, options);

        Assert.Contains("Ingest", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("tenant-a", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedKeysDifferForRecordsAndCheckpoints()
    {
        var keys = ChainKeys.Derive(Convert.FromBase64String(AuditTestHost.ChainKey));

        Assert.NotEqual(keys.Records, keys.Checkpoints);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, AuditOptions options) =>
        new AuditOptionsValidator(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);
}
