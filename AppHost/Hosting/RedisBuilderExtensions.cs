using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>Adds Redis servers to the app model.</summary>
public static class RedisBuilderExtensions
{
    /// <summary>Adds a Redis 7 server (a private instance, or the one in <c>ConnectionStrings:{name}</c>).</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new RedisResource(name));
    }
}
