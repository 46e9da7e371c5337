using Microsoft.AspNetCore.HttpOverrides;

namespace SecureRag.Gateway.Transport;

public static class TransportExtensions
{
    /// <summary>Trusted proxies, the public-endpoint rule (checked before the host starts) and the development certificate.</summary>
    public static WebApplicationBuilder AddGatewayTransport(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TransportOptions.SectionName).Get<TransportOptions>() ?? new TransportOptions();
        var violations = PublicEndpointPolicy.Violations(builder.Configuration, builder.Environment.IsDevelopment());
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, violations));
        }

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => TrustedProxies.Apply(forwarded, options.TrustedProxies));
        if (builder.Environment.IsDevelopment() && options.DevelopmentCertificatePath is { Length: > 0 } path)
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate ??= DevelopmentCertificate.LoadOrCreate(path)));
        }

        return builder;
    }
}
