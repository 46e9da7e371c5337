using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureRag.Auth.Assertions;
using SecureRag.Auth.Domain;
using SecureRag.Auth.Infrastructure;
using SecureRag.Auth.Oidc;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Extensions;

public static class AuthServiceExtensions
{
    public static IHostApplicationBuilder AddAuthServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddSingleton<AssertionIssuer>();
        // Auth verifies assertions addressed to itself with its own key ring.
        builder.Services.Replace(ServiceDescriptor.Singleton<IAssertionKeySource, LocalAssertionKeySource>());

        builder.Services.AddSingleton<ApiKeySecrets>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<DirectoryStore>();
        builder.Services.AddSingleton<GroupStore>();
        builder.Services.AddSingleton<AppStore>();
        builder.Services.AddSingleton<CredentialAuthenticator>();
        builder.Services.AddHostedService<BootstrapOwner>();
        builder.AddOidc();
        return builder;
    }
}
