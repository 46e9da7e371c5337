using System.Diagnostics;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.Gateway.Query;

/// <summary>
/// One span per pipeline step, children of the request's server span, so a query is one trace across the Gateway,
/// Guardrail, Retrieval and Inference (the gRPC client propagates the context). Nothing of the prompt is tagged.
/// </summary>
public sealed class QueryTelemetry(ServiceTelemetry telemetry)
{
    public const string AppIdTag = "securerag.app_id";

    public Step Start(QueryState state, string name) => Start(state.Timings, state.App.Id, name);

    public Step Start(StepTimings timings, string appId, string name)
    {
        var activity = telemetry.ActivitySource.StartActivity($"query.{name}", ActivityKind.Internal);
        activity?.SetTag(AppIdTag, appId);
        return new Step(activity, timings, name);
    }

    /// <summary>
    /// Makes the step's parent current again while the step goes on (a stream being read): spans started meanwhile
    /// become the step's siblings. Calls the step started before this keep it as their parent.
    /// </summary>
    public static void Detach(Step step)
    {
        if (step.Activity is { } activity)
        {
            Activity.Current = activity.Parent;
        }
    }

    /// <summary>A running step: ends its span and records its duration when disposed.</summary>
    public sealed class Step(Activity? activity, StepTimings timings, string name) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public Activity? Activity { get; } = activity;

        public void Fail(string code)
        {
            Activity?.SetStatus(ActivityStatusCode.Error, code);
            Activity?.SetTag("securerag.query.reason", code);
        }

        public void Dispose()
        {
            timings.Add(name, Stopwatch.GetElapsedTime(_started));
            Activity?.Dispose();
        }
    }
}
