using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SecureRag.Contracts.Retrieval;
using SecureRag.Bench;
using SecureRag.Retrieval.Bench;
using SecureRag.ServiceDefaults.Security;
using RetrievalClient = SecureRag.Contracts.Retrieval.Retrieval.RetrievalClient;

namespace SecureRag.Retrieval.Tests;

/// <summary>
/// A private PostgreSQL with pgvector and the Retrieval service on a loopback port, with real assertion checking
/// (test-signed assertions) and the hashed embedder (64 dimensions, to keep HNSW builds quick) for query vectors.
/// </summary>
public abstract class RetrievalServer : IAsyncLifetime
{
    public const int Dimension = 64;

    private PrivatePostgres? _postgres;
    private WebApplication? _app;
    private GrpcChannel? _channel;

    public BenchKeys Keys { get; } = new("retrieval");

    public HashedQueryEmbedder Embedder { get; } = new(Dimension);

    public PrivatePostgres Postgres => _postgres ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    public RetrievalClient Search => new(_channel ?? throw new InvalidOperationException("Not started."));

    public RetrievalIndex.RetrievalIndexClient Index => new(_channel ?? throw new InvalidOperationException("Not started."));

    /// <summary>Extra PostgreSQL connection options (for example <c>-c enable_seqscan=off</c>).</summary>
    protected virtual string? ConnectionOptions => null;

    protected virtual Dictionary<string, string?> Configuration => [];

    public Metadata Ingestion(string tenant) => AssertionMetadata.For(Keys.Service(tenant, "ingestion", "uploader"));

    public Metadata User(string tenant, string user, string[] groups, string? app = "app") =>
        AssertionMetadata.For(Keys.User(tenant, user, groups, app));

    public BenchIndexer Indexer(string tenant) => new(Index, Ingestion(tenant), Embedder.Embedder);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        _postgres = await PrivatePostgres.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _app = await RetrievalHost.StartAsync(_postgres.ConnectionString(ConnectionOptions), Keys, Embedder, Configuration);
        _channel = GrpcChannel.ForAddress(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
