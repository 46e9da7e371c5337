using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Auth.Oidc;

public static class OidcExtensions
{
    /// <summary>
    /// External token validation (<see cref="IExternalTokenValidator"/>) with options from <c>Auth:Oidc</c> checked at
    /// start, the egress-guarded <c>oidc</c> HTTP client for discovery documents and key sets and, in Development
    /// only, Auth's own development identity provider.
    /// </summary>
    public static IHostApplicationBuilder AddOidc(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OidcOptions>()
            .BindConfiguration(OidcOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddEgressGuardedHttpClient(OidcOptions.HttpClientName, OidcOptions.EgressSectionName)
            .ConfigureHttpClient(http =>
            {
                http.Timeout = TimeSpan.FromSeconds(15);
                http.MaxResponseContentBufferSize = 1024 * 1024; // discovery documents and key sets are a few KB
            });

        // A trusted issuer's own host is by definition a place Auth must reach; a jwks_uri on another host must be
        // listed in Auth:Oidc:Egress:AllowedHosts.
        // Read from configuration, not IOptions<OidcOptions>, so invalid OIDC settings fail once, with their own message.
        var configuration = builder.Configuration;
        services.AddOptions<EgressOptions>(OidcOptions.HttpClientName)
            .PostConfigure(egress => egress.AllowedHosts.AddRange(IssuerHosts(configuration)));

        services.AddSingleton<IssuerDirectory>();
        services.AddSingleton<ITrustedIssuers>(sp => sp.GetRequiredService<IssuerDirectory>());
        services.AddSingleton<IExternalTokenValidator, OidcTokenValidator>();
        if (builder.Environment.IsDevelopment())
        {
            services.AddSingleton<DevelopmentIdentityProvider>();
        }

        return builder;
    }

    /// <summary>
    /// Maps the development identity provider under <c>/dev/oidc</c> (discovery, key set, token endpoint) in
    /// Development. In any other environment it maps nothing: those paths do not exist.
    /// </summary>
    public static WebApplication MapDevelopmentIdentityProvider(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        // The key is generated now, at start, not on the first request.
        _ = app.Services.GetRequiredService<DevelopmentIdentityProvider>().KeySet();
        DevelopmentIdentityProviderEndpoints.Map(app);
        return app;
    }

    private static IEnumerable<string> IssuerHosts(IConfiguration configuration) =>
        (configuration.GetSection($"{OidcOptions.SectionName}:{nameof(OidcOptions.TrustedIssuers)}").Get<List<TrustedIssuerOptions>>() ?? [])
            .SelectMany(i => new[] { i.Issuer, i.EffectiveMetadataAddress })
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri.IdnHost : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
