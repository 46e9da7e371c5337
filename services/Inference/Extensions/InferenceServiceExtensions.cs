using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using SecureRag.Inference.Domain;
using SecureRag.Inference.Infrastructure;

namespace SecureRag.Inference.Extensions;

public static class InferenceServiceExtensions
{
    /// <summary>
    /// The model registry and its embedded defaults, the egress-guarded model client, prompt assembly, and the
    /// encrypted credential store with its Data Protection key ring in PostgreSQL (protected by the key-encryption
    /// certificate). Requires the service database.
    /// </summary>
    public static IHostApplicationBuilder AddInferenceServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInferenceModels();

        var keyEncryption = builder.Configuration.GetSection($"{InferenceOptions.SectionName}:KeyEncryption").Get<KeyEncryptionOptions>() ?? new();
        var (certificate, generatedPath) = KeyEncryptionCertificate.Load(keyEncryption, builder.Environment);
        builder.Services.AddSingleton(new KeyEncryptionStatus(generatedPath));
        builder.Services.AddSingleton<IXmlRepository, PostgresXmlRepository>();
        builder.Services.AddSingleton<ICredentialRepository, PostgresCredentialRepository>();
        builder.Services.AddProviderCredentials(certificate);
        return builder;
    }

    /// <summary>
    /// Data Protection (key ring in the registered <see cref="IXmlRepository"/>, each key encrypted with
    /// <paramref name="certificate"/>) and the credential store over the registered <see cref="ICredentialRepository"/>.
    /// </summary>
    internal static IServiceCollection AddProviderCredentials(this IServiceCollection services, X509Certificate2 certificate)
    {
        services.AddDataProtection()
            .SetApplicationName("securerag-inference")
            .ProtectKeysWithCertificate(certificate);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository>((options, repository) => options.XmlRepository = repository);
        services.AddSingleton<ProviderCredentialStore>();
        return services;
    }

    /// <summary>Everything but storage: enough to serve the embedded models (tests and the benchmark host this alone).</summary>
    internal static IServiceCollection AddInferenceModels(this IServiceCollection services)
    {
        services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.AddModelHttpClient();
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<PromptAssembler>();
        services.AddSingleton<ExtractiveGenerator>();
        services.AddSingleton(sp => new HashedEmbedder(sp.GetRequiredService<IOptions<InferenceOptions>>().Value.HashedDimension));
        services.AddSingleton<ModelCallTelemetry>();
        services.AddSingleton<ModelClients>();
        services.AddSingleton<ModelRegistry>();
        services.AddHostedService<StartupChecks>();
        return services;
    }
}
