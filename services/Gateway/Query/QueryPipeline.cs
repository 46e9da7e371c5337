using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Inference;
using SecureRag.Gateway.Query.Dtos;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.Query;

/// <summary>
/// The query path after authentication and the per-minute rate limit: authorize the app → reserve the request's
/// maximum tokens → input rail → retrieval → context rail → generation → output rail → settle the quota with the
/// actual usage → audit. Each step is a span of the request's trace. Quota accounting happens here and nowhere else.
/// </summary>
public sealed class QueryPipeline(
    AppDirectory apps,
    ITokenQuota quota,
    InputRail inputRail,
    RetrievalStep retrieval,
    ContextRail contextRail,
    GenerationStep generation,
    OutputRail outputRail,
    QueryAudit audit,
    SecurityAudit securityAudit,
    QueryTelemetry telemetry,
    IOptions<QueryOptions> options,
    ILogger<QueryPipeline> logger)
{
    /// <summary>Checks the input's shape, finds the app and decides whether the caller may use it.</summary>
    public async Task<QueryState> AuthorizeAsync(HttpContext context, QueryInput input)
    {
        Validate(input);
        // Older turns reach neither the rails nor the model.
        var keep = options.Value.MaxHistoryTurns;
        input = input.History.Count > keep ? input with { History = [.. input.History.Skip(input.History.Count - keep)] } : input;
        var timings = new StepTimings();
        var (caller, app) = await AuthorizeAppAsync(context, input.AppId, timings);
        return new QueryState(caller, app, input, context.Connection.RemoteIpAddress?.ToString(), timings);
    }

    /// <summary>The app, when the caller may use it; otherwise a refusal (404 for no such app, 403 for not permitted).</summary>
    public async Task<(GatewayCaller Caller, AppSettings App)> AuthorizeAppAsync(HttpContext context, string appId, StepTimings? timings = null)
    {
        var caller = QueryAuthorization.RequireCaller(context);
        using var span = telemetry.Start(timings ?? new StepTimings(), appId, "authorize");
        var app = await apps.FindAsync(caller.Principal.TenantId, appId, context.RequestAborted);
        if (app is null)
        {
            span.Fail(QueryReasons.AppNotFound);
            throw new QueryRefusedException(StatusCodes.Status404NotFound, QueryReasons.AppNotFound, "No such app.", $"App '{appId}' was not found.");
        }

        if (!QueryAuthorization.MayUse(caller.Principal, app))
        {
            span.Fail(QueryReasons.AppNotPermitted);
            await securityAudit.DeniedAsync(caller, $"query app:{app.Id}", context.Connection.RemoteIpAddress, context.RequestAborted);
            throw QueryAuthorization.NotPermitted();
        }

        return (caller, app);
    }

    /// <summary>Reserves the quota and runs the rails and retrieval; on any refusal the reservation is released.</summary>
    public async Task PrepareAsync(QueryState state, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cap = state.App.MaxTokensPerRequest > 0 ? state.App.MaxTokensPerRequest : int.MaxValue;
        state.MaxTokens = Math.Min(state.Input.MaxTokens ?? settings.DefaultMaxTokens, cap);

        using (var step = telemetry.Start(state, "quota_reserve"))
        {
            var decision = await quota.ReserveAsync(RateLimitSubject.From(state.Caller), state.MaxTokens + settings.PromptTokenReserve, cancellationToken);
            if (!decision.Granted)
            {
                step.Fail(QueryReasons.QuotaExhausted);
                var detail = decision.Exhausted is { } q
                    ? $"The request may use up to {state.MaxTokens + settings.PromptTokenReserve} tokens; the daily quota has {q.Remaining} of {q.Limit} left."
                    : "The daily token quota is exhausted.";
                throw new QueryRefusedException(StatusCodes.Status429TooManyRequests, QueryReasons.QuotaExhausted, "Token quota exhausted", detail)
                {
                    RetryAfter = decision.Reset,
                };
            }

            state.Reservation = decision.Reservation;
        }

        try
        {
            using (var step = telemetry.Start(state, "input_rail"))
            {
                try
                {
                    var (question, decision) = await inputRail.ScanAsync(state, cancellationToken);
                    state.Question = question;
                    state.Decisions.Add(decision);
                }
                catch (QueryRefusedException ex)
                {
                    step.Fail(ex.Code);
                    throw;
                }
            }

            IReadOnlyList<Contracts.Retrieval.SearchHit> hits;
            using (var step = telemetry.Start(state, "retrieval"))
            {
                hits = await Failing(step, retrieval.SearchAsync(state, cancellationToken));
                step.Activity?.SetTag("securerag.retrieval.hits", hits.Count);
            }

            if (hits.Count > 0)
            {
                using var step = telemetry.Start(state, "context_rail");
                var (kept, decision) = await Failing(step, contextRail.ScanAsync(state, hits, cancellationToken));
                state.Passages = kept;
                state.Decisions.Add(decision);
                step.Activity?.SetTag("securerag.context.dropped", hits.Count - kept.Count);
            }
        }
        catch
        {
            await SettleAsync(state, 0);
            throw;
        }
    }

    /// <summary>Generates the whole answer, then checks it.</summary>
    public async Task<QueryResult> AnswerAsync(QueryState state, CancellationToken cancellationToken)
    {
        GenerateResponse generated;
        try
        {
            using var step = telemetry.Start(state, "generation");
            generated = await Failing(step, generation.GenerateAsync(state, cancellationToken));
        }
        catch
        {
            await SettleAsync(state, 0);
            throw;
        }

        var usage = generated.Usage.ToDto();
        await SettleAsync(state, usage.TotalTokens);
        var answer = "";
        if (!string.IsNullOrWhiteSpace(generated.Text))
        {
            using var step = telemetry.Start(state, "output_rail");
            var scan = await Failing(step, outputRail.ScanAsync(state, generated.Text, generated.Canary, withPassages: true, cancellationToken));
            state.Decisions.Add(scan.Decision.ToDto("output"));
            answer = Released(step, scan, generated.Text);
        }

        var citations = await CitationsAsync(state, generated.Citations, cancellationToken);
        return new QueryResult(answer, citations, usage, generated.Model, Citations.FinishReasonName(generated.FinishReason));
    }

    /// <summary>
    /// Streams the answer: the model's deltas are cut into sentence-sized segments, and each segment is released to
    /// <paramref name="release"/> only after the output rail has checked it (redacted, or the stream ends with a refusal).
    /// </summary>
    public async Task<QueryResult> StreamAsync(QueryState state, Func<string, Task> release, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var segmenter = new SentenceSegmenter(settings.MinSegmentChars, settings.MaxSegmentChars);
        var released = new StringBuilder();
        var output = new OutputDecisions();
        string canary = "", model = state.App.Model;
        GenerationCompleted? completed = null;
        var generationStep = telemetry.Start(state, "generation");
        try
        {
            using var call = generation.Stream(state, cancellationToken);
            // Output-rail spans are the generation's siblings, not its children: the steps of one trace side by side.
            QueryTelemetry.Detach(generationStep);
            await foreach (var item in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                switch (item.EventCase)
                {
                    case GenerateStreamEvent.EventOneofCase.Started:
                        canary = item.Started.Canary;
                        model = item.Started.Model;
                        break;
                    case GenerateStreamEvent.EventOneofCase.Delta:
                        foreach (var segment in segmenter.Push(item.Delta.Text))
                        {
                            await ReleaseAsync(segment);
                        }

                        break;
                    case GenerateStreamEvent.EventOneofCase.Completed:
                        completed = item.Completed;
                        break;
                }
            }

            var rest = segmenter.Flush();
            if (!string.IsNullOrWhiteSpace(rest))
            {
                await ReleaseAsync(rest);
            }
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            generationStep.Fail(QueryReasons.InferenceUnavailable);
            throw Downstream.FromInference(ex);
        }
        finally
        {
            generationStep.Dispose();
            state.Decisions.AddRange(output.Summary());
            var usage = completed?.Usage.ToDto();
            // A stream cut short still spent its tokens: count what was generated, estimated when the end never came.
            await SettleAsync(state, usage?.TotalTokens ?? (state.Reservation?.Tokens ?? 0));
        }

        var citations = await CitationsAsync(state, completed?.Citations ?? [], cancellationToken);
        return new QueryResult(released.ToString(), citations, completed?.Usage.ToDto() ?? new UsageDto(0, 0, 0), model,
            Citations.FinishReasonName(completed?.FinishReason ?? FinishReason.Stop));

        async Task ReleaseAsync(string segment)
        {
            if (string.IsNullOrWhiteSpace(segment))
            {
                released.Append(segment);
                await release(segment);
                return;
            }

            using var step = telemetry.Start(state, "output_rail");
            var scan = await Failing(step, outputRail.ScanAsync(state, segment, canary, withPassages: true, cancellationToken));
            output.Add(scan.Decision);
            var text = Released(step, scan, segment);
            released.Append(text);
            await release(text);
        }
    }

    /// <summary>Records the query in the audit trail. An answered query whose record cannot be written is not answered.</summary>
    public async Task AuditAsync(QueryState state, QueryOutcome outcome, bool required, CancellationToken cancellationToken)
    {
        using var step = telemetry.Start(state, "audit");
        try
        {
            await audit.RecordAsync(state, outcome, cancellationToken);
        }
        catch (QueryRefusedException) when (!required)
        {
            // Already refused or already streamed: the refusal stands, the failure to record is logged.
        }
    }

    private async Task<IReadOnlyList<CitationDto>> CitationsAsync(QueryState state, IEnumerable<Citation> cited, CancellationToken cancellationToken)
    {
        var citations = Citations.From(state, cited);
        if (citations.Count == 0)
        {
            return citations;
        }

        using var step = telemetry.Start(state, "output_rail");
        return await Failing(step, outputRail.CheckSnippetsAsync(state, citations, cancellationToken));
    }

    private async Task SettleAsync(QueryState state, long actualTokens)
    {
        if (state.Reservation is not { } reservation)
        {
            return;
        }

        using var step = telemetry.Start(state, "quota_settle");
        try
        {
            await quota.SettleAsync(reservation, actualTokens, CancellationToken.None);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The hold lapses by itself after the reservation timeout; the usage of this one request is lost.
            logger.LogError("Could not settle a token reservation of app {AppId}: {Reason}", state.App.Id, ex.Message);
        }
    }

    private static string Released(QueryTelemetry.Step step, Contracts.Guardrail.ScanOutputResponse scan, string text)
    {
        try
        {
            return OutputRail.Released(scan, text);
        }
        catch (QueryRefusedException ex)
        {
            step.Fail(ex.Code);
            throw;
        }
    }

    private static async Task<T> Failing<T>(QueryTelemetry.Step step, Task<T> work)
    {
        try
        {
            return await work;
        }
        catch (QueryRefusedException ex)
        {
            step.Fail(ex.Code);
            throw;
        }
    }

    private void Validate(QueryInput input)
    {
        var max = options.Value.MaxQuestionChars;
        if (string.IsNullOrWhiteSpace(input.Question))
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "The question is empty.");
        }

        if (input.Question.Length > max || input.History.Any(t => t.Text.Length > max))
        {
            throw QueryRefusedException.BadRequest(QueryReasons.PromptTooLong, $"A message is longer than {max} characters.");
        }

        if (input.MaxTokens is <= 0)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "max_tokens must be positive.");
        }

        if (input.Temperature is < 0 or > 2)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "temperature must be between 0 and 2.");
        }

        if (input.TopK is < 1 or > 100)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "top_k must be between 1 and 100.");
        }
    }
}
