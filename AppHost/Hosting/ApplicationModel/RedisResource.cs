namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A Redis 7 server with a password; its connection string is in StackExchange.Redis format.</summary>
/// <param name="name">The resource name, also the connection-string name.</param>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString;
