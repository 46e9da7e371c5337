using System.ClientModel;
using Polly.CircuitBreaker;
using SecureRag.Inference.Domain;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Infrastructure;

/// <summary>Turns what the OpenAI client, the HTTP stack and the resilience pipeline throw into <see cref="ModelCallException"/>.</summary>
public static class ModelFailures
{
    /// <returns>The failure to throw, or null when the caller cancelled (the cancellation is rethrown as it is).</returns>
    public static ModelCallException? Translate(Exception exception, RegisteredModel model, CancellationToken callerToken)
    {
        if (exception is ModelCallException known)
        {
            return known;
        }

        if (callerToken.IsCancellationRequested)
        {
            return null;
        }

        var name = model.Name;
        var host = model.Host;
        if (EgressDeniedException.Find(exception) is { } denied)
        {
            return new(ModelFailureKind.EgressDenied,
                $"The endpoint of model '{name}' was refused by the egress policy: {denied.Decision.Host} resolved to {denied.Decision.Address}, which {denied.Decision.Reason}.",
                exception);
        }

        if (exception is OperationCanceledException or TimeoutException)
        {
            return new(ModelFailureKind.Timeout, $"Model '{name}' at {host} did not answer within {model.Options.Timeout.TotalSeconds:0.#} s.", exception);
        }

        if (Find<BrokenCircuitException>(exception) is { } broken)
        {
            return new(ModelFailureKind.Unavailable,
                $"The runtime of model '{name}' at {host} is failing; calls to it are paused{(broken.RetryAfter is { } after ? $" for {after.TotalSeconds:0} s" : "")}.",
                exception);
        }

        if (Find<ClientResultException>(exception) is { Status: >= 400 and < 500 and not 408 and not 429 } rejected)
        {
            return new(ModelFailureKind.Rejected, $"The runtime of model '{name}' at {host} refused the request (HTTP {rejected.Status}{Hint(rejected.Status, model)}).", exception);
        }

        if (Find<ClientResultException>(exception) is { Status: > 0 } failed)
        {
            return new(ModelFailureKind.Unavailable, $"The runtime of model '{name}' at {host} is unavailable (HTTP {failed.Status}).", exception);
        }

        if (Find<HttpRequestException>(exception) is { } http)
        {
            return new(ModelFailureKind.Unavailable, $"The runtime of model '{name}' at {host} cannot be reached: {http.Message}", exception);
        }

        if (exception is ClientResultException or IOException)
        {
            return new(ModelFailureKind.Unavailable, $"The runtime of model '{name}' at {host} is unavailable: {exception.Message}", exception);
        }

        return null;
    }

    private static string Hint(int status, RegisteredModel model) => status switch
    {
        401 or 403 => ": check the model's credential",
        404 => $": does it serve model id '{model.Options.ModelId}'?",
        _ => "",
    };

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
