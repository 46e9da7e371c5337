using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>The name of the RabbitMQ connection string (an <c>amqp://</c> URI).</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ with retries and error queues, plus the service's transactional outbox, its relay and
    /// its inbox. Requires <see cref="DatabaseExtensions.AddServiceDatabase"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing (ConnectionStrings__{ConnectionName}).");

        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(new MigrationSource("messaging", typeof(Outbox).Assembly, "messaging-migrations/"));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddSingleton(TimeProvider.System);

        var serviceName = builder.Environment.ApplicationName.ToLowerInvariant();
        builder.Services.AddMassTransit(bus =>
        {
            // Each service gets its own queues (gateway-..., audit-...); replicas of one service compete on them.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                rabbit.UseConsumeFilter(typeof(ConsumeLoggingFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }
}
