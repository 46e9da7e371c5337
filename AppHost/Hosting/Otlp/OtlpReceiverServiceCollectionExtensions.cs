using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SecureRag.Hosting.Otlp;

/// <summary>Registers the OTLP receiver's services.</summary>
public static class OtlpReceiverServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="TelemetryStore"/> for <see cref="OtlpReceiverEndpoints.MapOtlpReceiver"/>,
    /// its bounds validated at start-up.
    /// </summary>
    public static IServiceCollection AddOtlpReceiver(this IServiceCollection services, Action<TelemetryStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TelemetryStoreOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider => new TelemetryStore(provider.GetRequiredService<IOptions<TelemetryStoreOptions>>().Value));
        return services;
    }
}
