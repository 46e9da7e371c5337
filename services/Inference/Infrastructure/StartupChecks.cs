using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Inference.Domain;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// Before the service takes calls: refuses to start when a model's endpoint fails the egress policy (naming the model
/// and why), imports configured provider credentials into the encrypted store, and checks that every credential a model
/// names exists.
/// </summary>
public sealed class StartupChecks(
    IOptions<InferenceOptions> options,
    [FromKeyedServices(ModelHttp.ClientName)] EgressGuard guard,
    IHostAddressResolver resolver,
    IServiceProvider services,
    ILogger<StartupChecks> logger,
    KeyEncryptionStatus? keyEncryption = null) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (keyEncryption?.GeneratedPath is { } path)
        {
            logger.LogWarning(
                "No key-encryption certificate is configured (Inference:KeyEncryption); using a generated development certificate at {Path}. Production refuses to start without one.",
                path);
        }

        await CheckEgressAsync(cancellationToken);
        await ImportCredentialsAsync(cancellationToken);
    }

    public async Task CheckEgressAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, model) in options.Value.Models)
        {
            var endpoint = new RegisteredModel(name, model).Endpoint;
            EgressDecision decision;
            try
            {
                decision = await guard.CheckHostAsync(endpoint.IdnHost, resolver, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ArgumentException)
            {
                // The runtime may come up after us (a Kubernetes Service, say); every connection is checked anyway.
                logger.LogWarning("Model {Model}: endpoint host {Host} does not resolve yet ({Reason}); it is checked again at every connection", name, endpoint.Host, ex.Message);
                continue;
            }

            if (!decision.Allowed)
            {
                throw new InvalidOperationException(
                    $"Model '{name}' is refused: its endpoint host {endpoint.Host} resolves to {decision.Address}, which {decision.Reason}. " +
                    $"Fix Inference:Models:{name}:Endpoint or the allow-list at {ModelHttp.EgressSection}.");
            }

            logger.LogInformation("Model {Model} ({Kind}) at {Host}: egress allowed, {Address} {Reason}", name, model.Kind, endpoint.Host, decision.Address, decision.Reason);
        }
    }

    private async Task ImportCredentialsAsync(CancellationToken cancellationToken)
    {
        var needed = options.Value.Models.Values.Select(m => m.Credential).OfType<string>().Where(c => c.Length > 0).ToList();
        if (options.Value.Credentials.Count == 0 && needed.Count == 0)
        {
            return;
        }

        var store = services.GetRequiredService<ProviderCredentialStore>();
        foreach (var (name, secret) in options.Value.Credentials)
        {
            await store.SetAsync(name, secret, cancellationToken);
            logger.LogInformation("Provider credential {Credential} stored encrypted", name);
        }

        foreach (var name in needed.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await store.GetAsync(name, cancellationToken) is null)
            {
                throw new InvalidOperationException(
                    $"Provider credential '{name}' is named by a model but not stored: supply it once as Inference:Credentials:{name}.");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
