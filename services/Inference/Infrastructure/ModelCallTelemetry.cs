using System.Diagnostics;
using System.Diagnostics.Metrics;
using SecureRag.Inference.Domain;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// One span per model call, so an audit can show where data went: the model, the endpoint host, token counts and
/// duration, the tenant and app. Never the prompt or the answer.
/// Tag names follow OpenTelemetry's generative-AI conventions where they have one.
/// </summary>
public sealed class ModelCallTelemetry(ServiceTelemetry telemetry)
{
    public const string EmbeddedHost = "embedded";

    private readonly Histogram<double> _duration = telemetry.Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Duration of model calls.");

    private readonly Counter<long> _tokens = telemetry.Meter.CreateCounter<long>(
        "gen_ai.client.token.usage", "{token}", "Tokens sent to and received from models.");

    public Activity? Start(string operation, string model, string modelId, string host, CallContext call)
    {
        var activity = telemetry.ActivitySource.StartActivity($"{operation} {model}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("gen_ai.operation.name", operation);
        activity.SetTag("gen_ai.request.model", modelId);
        activity.SetTag("securerag.model", model);
        activity.SetTag("server.address", host);
        activity.SetTag("securerag.tenant_id", call.TenantId);
        activity.SetTag("securerag.principal_id", call.PrincipalId);
        activity.SetTag("securerag.app_id", call.AppId);
        return activity;
    }

    public void Completed(Activity? activity, string operation, string model, string host, TokenUsage usage, string? finishReason, TimeSpan elapsed)
    {
        var tags = new TagList { { "gen_ai.operation.name", operation }, { "securerag.model", model }, { "server.address", host } };
        _duration.Record(elapsed.TotalSeconds, tags);
        _tokens.Add(usage.PromptTokens, [.. tags, new("gen_ai.token.type", "input")]);
        _tokens.Add(usage.CompletionTokens, [.. tags, new("gen_ai.token.type", "output")]);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("gen_ai.usage.input_tokens", usage.PromptTokens);
        activity.SetTag("gen_ai.usage.output_tokens", usage.CompletionTokens);
        if (finishReason is not null)
        {
            activity.SetTag("gen_ai.response.finish_reasons", new[] { finishReason });
        }

        activity.SetStatus(ActivityStatusCode.Ok);
    }

    public static void Failed(Activity? activity, Exception failure)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("error.type", failure is ModelCallException call ? call.Kind.ToString() : failure.GetType().Name);
        activity.SetStatus(ActivityStatusCode.Error, failure.Message);
    }
}
