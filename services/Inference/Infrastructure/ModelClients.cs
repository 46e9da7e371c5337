using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OpenAI;
using SecureRag.Inference.Domain;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// Microsoft.Extensions.AI clients of the registry's runtimes, over the OpenAI client and the egress-guarded HTTP
/// client. One per model, created on first use (its credential is read then) and kept.
/// </summary>
public sealed class ModelClients(IHttpClientFactory httpClients, IServiceProvider services)
{
    // Runtimes without authentication ignore the header; the OpenAI client insists on a credential.
    private const string NoCredential = "no-credential";

    private readonly ConcurrentDictionary<string, Lazy<Task<OpenAIClient>>> _clients = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IChatClient> GetChatClientAsync(RegisteredModel model, CancellationToken cancellationToken) =>
        (await GetClientAsync(model, cancellationToken)).GetChatClient(model.Options.ModelId).AsIChatClient();

    public async Task<IEmbeddingGenerator<string, Embedding<float>>> GetEmbeddingGeneratorAsync(RegisteredModel model, CancellationToken cancellationToken) =>
        (await GetClientAsync(model, cancellationToken)).GetEmbeddingClient(model.Options.ModelId).AsIEmbeddingGenerator(model.Options.Dimensions);

    private async Task<OpenAIClient> GetClientAsync(RegisteredModel model, CancellationToken cancellationToken)
    {
        var lazy = _clients.GetOrAdd(model.Name, _ => new Lazy<Task<OpenAIClient>>(() => CreateAsync(model)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Do not keep a failure (the database was down, say): the next call tries again.
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<OpenAIClient>>>(model.Name, lazy));
            throw;
        }
    }

    private async Task<OpenAIClient> CreateAsync(RegisteredModel model)
    {
        var credential = NoCredential;
        if (model.Options.Credential is { Length: > 0 } name)
        {
            // Resolved only when a model needs it: a host serving only embedded models has no credential store.
            var store = services.GetService(typeof(ProviderCredentialStore)) as ProviderCredentialStore
                ?? throw new InvalidOperationException("No credential store is configured.");
            var secret = await store.GetAsync(name, CancellationToken.None)
                ?? throw new ModelCallException(ModelFailureKind.Rejected, $"Model '{model.Name}' needs credential '{name}', which is not stored.");
            credential = secret.Reveal();
        }

        var options = new OpenAIClientOptions
        {
            Endpoint = model.Endpoint,
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(ModelHttp.ClientName)),
            // Retries belong to the HTTP resilience pipeline, which retries only what is safe.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = model.Options.Timeout,
        };
        return new OpenAIClient(new ApiKeyCredential(credential), options);
    }
}
