using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureRag.ServiceDefaults.Egress;

public static class EgressHttpClientExtensions
{
    /// <summary>
    /// Registers the named <see cref="HttpClient"/> <paramref name="name"/> on the egress-guarded handler, with its own
    /// <see cref="EgressOptions"/> bound from <paramref name="configurationSectionPath"/> and validated at start-up.
    /// The client's <see cref="EgressGuard"/> is available as a keyed service under <paramref name="name"/>, for
    /// start-up checks of configured endpoints.
    /// </summary>
    public static IHttpClientBuilder AddEgressGuardedHttpClient(
        this IServiceCollection services, string name, string configurationSectionPath = EgressOptions.SectionName)
    {
        services.AddEgressGuard(name, configurationSectionPath);
        return services.AddHttpClient(name).ConfigureEgressGuardedHandler(name);
    }

    /// <summary>
    /// Registers the typed client <typeparamref name="TClient"/> on the egress-guarded handler; see
    /// <see cref="AddEgressGuardedHttpClient(IServiceCollection, string, string)"/>. The client name is the type's name.
    /// </summary>
    public static IHttpClientBuilder AddEgressGuardedHttpClient<TClient>(
        this IServiceCollection services, string configurationSectionPath = EgressOptions.SectionName)
        where TClient : class
    {
        var name = typeof(TClient).Name;
        services.AddEgressGuard(name, configurationSectionPath);
        return services.AddHttpClient<TClient>(name).ConfigureEgressGuardedHandler(name);
    }

    private static void AddEgressGuard(this IServiceCollection services, string name, string configurationSectionPath)
    {
        services.AddOptions<EgressOptions>(name)
            .BindConfiguration(configurationSectionPath)
            .Validate(o => o.AllowedNetworks.All(IsNetwork), $"{configurationSectionPath}:AllowedNetworks holds a value that is not a CIDR range (e.g. 10.0.0.0/8).")
            .Validate(o => o.ConnectTimeout > TimeSpan.Zero, $"{configurationSectionPath}:ConnectTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IHostAddressResolver, SystemHostAddressResolver>();
        services.TryAddKeyedSingleton(name, (sp, _) => new EgressGuard(sp.GetRequiredService<IOptionsMonitor<EgressOptions>>().Get(name)));
    }

    private static IHttpClientBuilder ConfigureEgressGuardedHandler(this IHttpClientBuilder builder, string name) =>
        builder.ConfigurePrimaryHttpMessageHandler(sp => EgressHandlerFactory.Create(
            sp.GetRequiredKeyedService<EgressGuard>(name),
            sp.GetRequiredService<IHostAddressResolver>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EgressGuard)),
            sp.GetRequiredService<IOptionsMonitor<EgressOptions>>().Get(name).ConnectTimeout));

    private static bool IsNetwork(string value)
    {
        try
        {
            EgressGuard.ParseNetwork(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
