using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SecureRag.Audit.Consumers;
using SecureRag.Audit.Domain;
using SecureRag.Audit.Infrastructure;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

namespace SecureRag.Audit.Extensions;

public static class AuditServiceExtensions
{
    /// <summary>The whole service: the chain's storage, the batch consumer, checkpoints and the retention job.</summary>
    public static IHostApplicationBuilder AddAuditServices(this IHostApplicationBuilder builder)
    {
        builder.AddAuditStorage();
        builder.AddMessaging(bus => bus.AddConsumer<AuditEventRaisedConsumer, AuditEventRaisedConsumerDefinition>());
        builder.Services.AddHostedService(services => services.GetRequiredService<CheckpointExporter>());
        builder.Services.AddHostedService<RetentionJob>();
        return builder;
    }

    /// <summary>
    /// The chain alone — options, keys, writer, verifier, queries, purge — without messaging or background work: what
    /// the <c>verify</c> command and the tests need.
    /// </summary>
    public static IHostApplicationBuilder AddAuditStorage(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase(typeof(AuditServiceExtensions).Assembly);
        builder.Services.AddOptions<AuditOptions>()
            .BindConfiguration(AuditOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ResolveKeys);
        builder.Services.AddSingleton<ChainHasher>();
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddSingleton<CheckpointStore>();
        builder.Services.AddSingleton<CheckpointExporter>();
        builder.Services.AddSingleton<ChainWriter>();
        builder.Services.AddSingleton<ChainVerifier>();
        builder.Services.AddSingleton<AuditRecords>();
        builder.Services.AddSingleton<RetentionPurger>();
        builder.Services.AddSingleton<RetentionJob>();
        return builder;
    }

    private static ChainKeys ResolveKeys(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AuditOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.ChainKey))
        {
            return ChainKeys.Derive(AuditOptionsValidator.DecodeKey(options.ChainKey)!);
        }

        // The validator lets an empty key through in Development only.
        services.GetRequiredService<ILogger<ChainKeys>>().LogWarning(
            "{Setting} is not set: using the fixed Development key, which anyone can recompute. Audit records are not tamper-evident",
            "Audit:ChainKey");
        return ChainKeys.Derive(ChainKeys.DevelopmentKey());
    }
}
