using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Grpc;

namespace SecureRag.ServiceDefaults.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Assertion checking on every RPC this service serves, with Auth's published keys, and service assertions for
    /// the calls it makes on its own. Auth replaces the key source with its own key store.
    /// </summary>
    public static IHostApplicationBuilder AddAssertionSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceIdentityOptions>()
            .BindConfiguration(ServiceIdentityOptions.SectionName)
            .PostConfigure(o => o.Name = string.IsNullOrEmpty(o.Name) ? builder.Environment.ApplicationName.ToLowerInvariant() : o.Name)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AssertionValidator>();
        builder.Services.AddSingleton<AssertionServerInterceptor>();

        var authService = builder.Configuration[$"{ServiceIdentityOptions.SectionName}:AuthService"] ?? "auth";
        builder.Services.AddHttpClient(RemoteAssertionKeySource.HttpClientName, http =>
            http.BaseAddress = new Uri($"https+http://{authService}"));
        builder.Services.TryAddSingleton<IAssertionKeySource, RemoteAssertionKeySource>();
        builder.Services.AddServiceGrpcClient<ServiceTokens.ServiceTokensClient>(authService);
        builder.Services.AddSingleton<ServiceAssertionProvider>();
        return builder;
    }
}
