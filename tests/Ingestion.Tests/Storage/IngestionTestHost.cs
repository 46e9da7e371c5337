using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Extensions;
using SecureRag.Ingestion.Grpc;
using SecureRag.Ingestion.Infrastructure.Downstream;
using SecureRag.Ingestion.Infrastructure.Jobs;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;
using SecureRag.TestSupport;

namespace SecureRag.Ingestion.Tests.Storage;

/// <summary>
/// The Ingestion service's core (its own registrations) over a fresh database of the private PostgreSQL, with the
/// outbox but no bus, and Guardrail, Inference and Retrieval replaced by in-memory fakes.
/// </summary>
public sealed class IngestionTestHost : IAsyncDisposable
{
    public const string Tenant = "tenant-a";

    private readonly IHost _host;

    private IngestionTestHost(IHost host, PostgresServer server, string database, FakeScanner scanner, FakeEmbedder embedder, FakeIndex index)
    {
        _host = host;
        Server = server;
        Database = database;
        Scanner = scanner;
        Embedder = embedder;
        Index = index;
    }

    public PostgresServer Server { get; }

    public string Database { get; }

    public FakeScanner Scanner { get; }

    public FakeEmbedder Embedder { get; }

    public FakeIndex Index { get; }

    public IServiceProvider Services => _host.Services;

    public JobRunner Runner => Services.GetRequiredService<JobRunner>();

    public IngestionGrpcService Api => ActivatorUtilities.CreateInstance<IngestionGrpcService>(Services);

    public static async Task<IngestionTestHost> StartAsync(PostgresServer server, Dictionary<string, string?>? settings = null)
    {
        var database = await server.CreateDatabaseAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, ApplicationName = "Ingestion" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:securerag"] = server.ServiceConnectionString(database),
            ["Ingestion:RetryInitialDelay"] = "00:00:00.100",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddIngestionCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(new MigrationSource("messaging", typeof(Outbox).Assembly, "messaging-migrations/"));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<AuditTrail>();
        FakeScanner scanner = new();
        FakeEmbedder embedder = new();
        FakeIndex index = new();
        builder.Services.AddSingleton<IContextScanner>(scanner);
        builder.Services.AddSingleton<IChunkEmbedder>(embedder);
        builder.Services.AddSingleton<ISearchIndex>(index);
        var host = new IngestionTestHost(builder.Build(), server, database, scanner, embedder, index);
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public TestCallContext Editor(string knowledgeBaseId) => TestCallContext.ForUser(Tenant, "editor-1", $"editor:{knowledgeBaseId}");

    public TestCallContext Approver(string knowledgeBaseId) => TestCallContext.ForUser(Tenant, "approver-1", $"approver:{knowledgeBaseId}");

    public static TestCallContext Admin => TestCallContext.ForUser(Tenant, "admin-1", "admin");

    public async Task<KnowledgeBase> CreateKnowledgeBaseAsync(ApprovalMode approval = ApprovalMode.Automatic, FindingsPolicy findings = FindingsPolicy.Quarantine) =>
        await Api.CreateKnowledgeBase(new CreateKnowledgeBaseRequest
        {
            Name = $"kb-{Guid.NewGuid():N}",
            Classification = Classification.Internal,
            Access = { "group:staff" },
            ApprovalMode = approval,
            FindingsPolicy = findings,
        }, Admin);

    public async Task<UploadDocumentResponse> UploadAsync(string knowledgeBaseId, byte[] content, string fileName, string? documentId = null) =>
        await Api.UploadDocument(
            new UploadStream(new UploadMetadata { KnowledgeBaseId = knowledgeBaseId, FileName = fileName, DocumentId = documentId ?? "" }, content),
            Editor(knowledgeBaseId));

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server.AdminConnectionString(Database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SET search_path = ingestion; {sql}", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.Services.GetRequiredService<NpgsqlDataSource>().DisposeAsync();
        _host.Dispose();
    }
}
