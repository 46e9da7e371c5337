using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>Adds RabbitMQ brokers to the app model.</summary>
public static class RabbitMQBuilderExtensions
{
    /// <summary>Adds a RabbitMQ 3.10 broker (a private node, or the one in <c>ConnectionStrings:{name}</c>).</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new RabbitMQServerResource(name));
    }
}
