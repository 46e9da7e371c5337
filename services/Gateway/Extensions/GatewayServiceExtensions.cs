using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureRag.Contracts.Audit;
using SecureRag.Contracts.Auth;
using SecureRag.Contracts.Ingestion;
using SecureRag.Gateway.Apis;
using SecureRag.Gateway.Consumers;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Grpc;

namespace SecureRag.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddServiceGrpcClient<Authenticator.AuthenticatorClient>("auth");
        builder.Services.AddServiceGrpcClient<Administration.AdministrationClient>("auth");
        builder.Services.AddServiceGrpcClient<IngestionService.IngestionServiceClient>("ingestion");
        builder.Services.AddServiceGrpcClient<AuditLog.AuditLogClient>("audit");
        builder.Services.AddOptions<DocumentUploadOptions>()
            .BindConfiguration(DocumentUploadOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<PrincipalCache>();
        builder.Services.AddSingleton<CallerAuthenticator>();
        builder.Services.AddSingleton<SecurityAudit>();
        builder.Services.TryAddSingleton<IRateLimitAuditSink>(sp => sp.GetRequiredService<SecurityAudit>());
        builder.AddRateLimiting();

        builder.Services.AddOpenApi();
        return builder;
    }

    public static void AddGatewayConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<PrincipalsChangedConsumer, PrincipalsChangedConsumerDefinition>();

    /// <summary>The security layer, in order: problem details for bare errors, authenticate and authorize, rate limit.</summary>
    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<GatewaySecurityMiddleware>();
        app.UseSecureRagRateLimiting();
        return app;
    }
}
