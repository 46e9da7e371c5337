namespace SecureRag.Retrieval.Tests.Properties;

public sealed class PermissionPropertyTests(RetrievalFixture server) : IClassFixture<RetrievalFixture>
{
    [Fact]
    public async Task NoSearchReturnsWhatTheCallerMayNotReadAndTopKIsFullWhenReadableMatchesExist()
    {
        var ct = TestContext.Current.CancellationToken;
        var property = new PermissionProperty(server, seed: Environment.TickCount);
        await property.WriteWorldAsync(documentsPerTenant: 60, ct);

        await property.RunQueriesAsync(1000, ct);
        await property.RunMutationsAsync(60, ct);

        Assert.True(property.Cases >= 1000);
        Assert.True(property.FullResults > 100, $"only {property.FullResults} cases had enough readable matches to fill top-k");
    }
}
