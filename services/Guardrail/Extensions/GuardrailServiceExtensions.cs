using SecureRag.Guardrail.Domain.Auditing;
using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scanning;
using SecureRag.Guardrail.Domain.Sensitive;
using SecureRag.Guardrail.Grpc;
using SecureRag.Guardrail.Infrastructure;

namespace SecureRag.Guardrail.Extensions;

public static class GuardrailServiceExtensions
{
    /// <summary>The rails, policies (PostgreSQL, cached), decision auditing and the gRPC services' error mapping.</summary>
    public static IHostApplicationBuilder AddGuardrailServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GuardrailOptions>()
            .BindConfiguration(GuardrailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<InjectionDetector>();
        builder.Services.AddSingleton<SensitiveDataScanner>();
        builder.Services.AddSingleton(sp => new InputRail(
            sp.GetRequiredService<InjectionDetector>(), sp.GetRequiredService<SensitiveDataScanner>(), ModelCatalog.ForInput));
        builder.Services.AddSingleton(sp => new ContextRail(
            sp.GetRequiredService<InjectionDetector>(), sp.GetRequiredService<SensitiveDataScanner>(), ModelCatalog.ForContext));
        builder.Services.AddSingleton<OutputRail>();
        builder.Services.AddHostedService<RailWarmUp>();

        builder.Services.AddSingleton<IPolicyStore, PostgresPolicyStore>();
        builder.Services.AddSingleton<IPolicyProvider, CachedPolicyProvider>();
        builder.Services.AddSingleton<IDecisionAuditor, OutboxDecisionAuditor>();
        builder.Services.AddSingleton<GuardrailMetrics>();

        builder.Services.AddGrpc(options => options.Interceptors.Add<StoreFailureInterceptor>());
        return builder;
    }

    public static WebApplication MapGuardrailEndpoints(this WebApplication app)
    {
        app.MapGrpcService<GuardrailGrpcService>();
        app.MapGrpcService<GuardrailPolicyGrpcService>();
        return app;
    }
}
