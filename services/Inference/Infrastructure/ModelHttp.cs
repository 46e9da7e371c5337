using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// The HTTP client every model call goes through: the egress-guarded handler (allow-list at <c>Inference:Egress</c>),
/// then, per endpoint (host and port), a circuit breaker and retries of connection failures only — a request that
/// never left cannot have been processed twice. Answers that fail are not retried: the caller decides.
/// </summary>
public static class ModelHttp
{
    public const string ClientName = "inference-models";
    public const string EgressSection = "Inference:Egress";

    public static IServiceCollection AddModelHttpClient(this IServiceCollection services)
    {
        var builder = services.AddEgressGuardedHttpClient(ClientName, EgressSection)
            // Each call has its model's own timeout; HttpClient's 100 s default would cut long streams.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

#pragma warning disable EXTEXP0001 // The supported way to opt out of the service defaults' standard handler (whose retries and 10 s attempts do not suit generation).
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.AddResilienceHandler("model-runtime", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<InferenceOptions>>().Value;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsConnectFailure(args.Outcome.Exception)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsRuntimeFailure(args.Outcome)),
            });
        }).SelectPipelineByAuthority();
        return services;
    }

    private static bool IsConnectFailure(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        && EgressDeniedException.Find(exception) is null;

    private static bool IsRuntimeFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception switch
        {
            null => (int)outcome.Result!.StatusCode >= 500,
            OperationCanceledException => false,
            var ex => EgressDeniedException.Find(ex) is null,
        };
}
