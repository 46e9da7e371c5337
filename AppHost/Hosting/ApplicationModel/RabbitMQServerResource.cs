namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A RabbitMQ 3.10 broker; its connection string is an <c>amqp://user:password@host:port/</c> URI.</summary>
/// <param name="name">The resource name, also the connection-string name.</param>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString;
