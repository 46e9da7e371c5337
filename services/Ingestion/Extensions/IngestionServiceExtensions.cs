using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Guardrail;
using SecureRag.Contracts.Retrieval;
using SecureRag.Ingestion.Consumers;
using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.Ingestion.Infrastructure.Downstream;
using SecureRag.Ingestion.Infrastructure.Jobs;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Grpc;
using SecureRag.ServiceDefaults.Messaging;

namespace SecureRag.Ingestion.Extensions;

public static class IngestionServiceExtensions
{
    /// <summary>The whole service: storage, messaging with the job consumers, the job scheduler and the downstream clients.</summary>
    public static IHostApplicationBuilder AddIngestionServices(this IHostApplicationBuilder builder)
    {
        builder.AddIngestionCore();
        builder.AddMessaging(bus => bus.AddIngestionConsumers());
        builder.Services.AddHostedService<JobScheduler>();

        var options = builder.Configuration.GetSection(IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions();
        builder.Services.AddServiceGrpcClient<GuardrailService.GuardrailServiceClient>(options.GuardrailService);
        builder.Services.AddServiceGrpcClient<Contracts.Inference.Inference.InferenceClient>(options.InferenceService);
        builder.Services.AddServiceGrpcClient<RetrievalIndex.RetrievalIndexClient>(options.RetrievalService);
        builder.Services.TryAddSingleton<IContextScanner, GuardrailContextScanner>();
        builder.Services.TryAddSingleton<IChunkEmbedder, InferenceEmbedder>();
        builder.Services.TryAddSingleton<ISearchIndex, RetrievalSearchIndex>();
        return builder;
    }

    /// <summary>
    /// Options, the schema, the stores, parsing, chunking and the job runner, without the bus or the downstream
    /// clients (the tests provide their own).
    /// </summary>
    public static IHostApplicationBuilder AddIngestionCore(this IHostApplicationBuilder builder)
    {
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        builder.AddServiceDatabase(typeof(IngestionServiceExtensions).Assembly);
        builder.Services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddSingleton(_ => new DocumentReader(DocumentReader.BuiltInParsers()));
        builder.Services.AddSingleton<ITokenCounter, Cl100kTokenCounter>();
        builder.Services.AddSingleton(services => new StructureChunker(
            services.GetRequiredService<ITokenCounter>(), services.GetRequiredService<IOptions<IngestionOptions>>().Value.Chunking));

        builder.Services.AddSingleton<KnowledgeBaseStore>();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<ChunkStore>();
        builder.Services.AddSingleton<ServiceCalls>();
        builder.Services.AddSingleton<JobIndexer>();
        builder.Services.AddSingleton<JobRunner>();
        return builder;
    }

    public static void AddIngestionConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DocumentUploadedConsumer, DocumentUploadedConsumerDefinition>();
        bus.AddConsumer<IndexDocumentConsumer, IndexDocumentConsumerDefinition>();
    }
}
