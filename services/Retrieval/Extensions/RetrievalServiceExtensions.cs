using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SecureRag.Retrieval.Domain.Ranking;
using SecureRag.Retrieval.Grpc;
using SecureRag.Retrieval.Infrastructure;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Grpc;
using InferenceClient = SecureRag.Contracts.Inference.Inference.InferenceClient;

namespace SecureRag.Retrieval.Extensions;

public static class RetrievalServiceExtensions
{
    /// <summary>The index's database, search, the write side, and the Inference client for query embeddings.</summary>
    public static IHostApplicationBuilder AddRetrievalServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetrievalOptions>()
            .BindConfiguration(RetrievalOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultTopK <= o.MaxTopK, "Retrieval:DefaultTopK must not exceed Retrieval:MaxTopK.")
            .ValidateOnStart();

        var settings = builder.Configuration.GetSection(RetrievalOptions.SectionName).Get<RetrievalOptions>() ?? new RetrievalOptions();
        builder.AddServiceDatabase(typeof(RetrievalServiceExtensions).Assembly, configure: dataSource => Configure(dataSource, settings));

        builder.Services.AddSingleton<VectorIndexes>();
        builder.Services.AddSingleton<ChunkBulkWriter>();
        builder.Services.AddSingleton<VersionPromotion>();
        builder.Services.AddSingleton<DocumentIndexWriter>();
        builder.Services.AddSingleton<KnowledgeBaseStore>();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<HybridSearch>();
        builder.Services.TryAddSingleton<IReranker, NoOpReranker>();
        builder.Services.TryAddSingleton<IQueryEmbedder, InferenceQueryEmbedder>();
        builder.Services.AddServiceGrpcClient<InferenceClient>(InferenceQueryEmbedder.ServiceName);
        return builder;
    }

    public static WebApplication MapRetrievalServices(this WebApplication app)
    {
        app.MapGrpcService<RetrievalGrpcService>();
        app.MapGrpcService<RetrievalIndexGrpcService>();
        return app;
    }

    /// <summary>
    /// pgvector's types and operators live in schema public (the AppHost creates the extension there); the role's
    /// search path names only its own schema, so public is appended (nobody but the administrator can create objects
    /// in public, so this opens no search-path hijack). HNSW settings apply to every connection.
    /// </summary>
    private static void Configure(NpgsqlDataSourceBuilder dataSource, RetrievalOptions settings)
    {
        dataSource.UseVector();
        var connection = dataSource.ConnectionStringBuilder;
        connection.SearchPath = string.IsNullOrEmpty(connection.SearchPath) ? "public" : connection.SearchPath + ",public";
        connection.Options = string.Create(CultureInfo.InvariantCulture,
            $"{connection.Options} -c hnsw.ef_search={settings.HnswEfSearch} -c hnsw.iterative_scan=relaxed_order -c hnsw.max_scan_tuples={settings.HnswMaxScanTuples}").Trim();
    }
}
