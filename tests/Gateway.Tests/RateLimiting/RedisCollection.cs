namespace SecureRag.Gateway.Tests.RateLimiting;

/// <summary>One Redis server for every rate-limiting test class; the classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
