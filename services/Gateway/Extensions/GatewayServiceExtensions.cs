using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureRag.Contracts.Audit;
using SecureRag.Contracts.Auth;
using SecureRag.Contracts.Guardrail;
using SecureRag.Contracts.Ingestion;
using SecureRag.Gateway.Apis;
using SecureRag.Gateway.Consumers;
using SecureRag.Gateway.Query;
using SecureRag.Gateway.Query.Conversations;
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

        builder.AddQueryServices();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SecureRag API";
            document.Info.Description = "Send `Authorization: Bearer <API key or OIDC token>`. Refusals are RFC 7807 problem details with a stable `code`.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The query path: its options, the clients of the services it calls, its steps and its stores.</summary>
    private static void AddQueryServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryOptions>()
            .BindConfiguration(QueryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddServiceGrpcClient<GuardrailService.GuardrailServiceClient>("guardrail");
        builder.Services.AddServiceGrpcClient<GuardrailPolicyService.GuardrailPolicyServiceClient>("guardrail");
        builder.Services.AddServiceGrpcClient<Contracts.Retrieval.Retrieval.RetrievalClient>("retrieval");
        builder.Services.AddServiceGrpcClient<Contracts.Inference.Inference.InferenceClient>("inference");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AppDirectory>();
        builder.Services.AddSingleton<QueryTelemetry>();
        builder.Services.AddSingleton<InputRail>();
        builder.Services.AddSingleton<RetrievalStep>();
        builder.Services.AddSingleton<ContextRail>();
        builder.Services.AddSingleton<GenerationStep>();
        builder.Services.AddSingleton<OutputRail>();
        builder.Services.AddSingleton<QueryAudit>();
        builder.Services.AddSingleton<QueryPipeline>();
        builder.Services.AddSingleton<ConversationStore>();
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
