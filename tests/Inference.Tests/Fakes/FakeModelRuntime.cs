using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecureRag.Inference.Tests.Fakes;

/// <summary>
/// A small OpenAI-compatible runtime on 127.0.0.1: chat completions (plain and server-sent events), embeddings, error
/// bodies and slow answers, chosen by the request's model id. It records what it received.
/// </summary>
public sealed class FakeModelRuntime : IAsyncLifetime
{
    public const string Answer = "Paris is the capital of France [1]. It lies on the Seine [2].";

    private WebApplication? _app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Completed when a request's connection was aborted by the client (model id → signal).</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Aborted { get; } = new();

    /// <summary>Completed when a chat request for the model has arrived (model id → signal).</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Received { get; } = new();

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/v1");

    public int CountFor(string model) => Requests.Count(r => r.Model == model);

    public RecordedRequest Last(string model) => Requests.Last(r => r.Model == model);

    public TaskCompletionSource AbortSignal(string model) => Aborted.GetOrAdd(model, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public TaskCompletionSource ReceivedSignal(string model) => Received.GetOrAdd(model, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", ChatAsync);
        _app.MapPost("/v1/embeddings", EmbeddingsAsync);
        _app.MapGet("/ok", (HttpContext context) => context.Response.WriteAsync("ok"));
        _app.MapGet("/close", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close";
            return context.Response.WriteAsync("closing");
        });
        _app.MapGet("/redirect", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = context.Request.Query["to"].ToString();
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        Port = new Uri(_app.Urls.First()).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var model = body["model"]!.GetValue<string>();
        var stream = body["stream"]?.GetValue<bool>() == true;
        Requests.Enqueue(new RecordedRequest("chat", model, body.ToJsonString(), context.Request.Headers.Authorization.ToString()));
        context.RequestAborted.Register(() => AbortSignal(model).TrySetResult());
        ReceivedSignal(model).TrySetResult();

        if (await ErrorAsync(context, model))
        {
            return;
        }

        if (model is "slow" or "slow-cancel")
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }

        if (!stream)
        {
            var usage = model == "no-usage" ? null : new JsonObject { ["prompt_tokens"] = 42, ["completion_tokens"] = 7, ["total_tokens"] = 49 };
            await Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Answer },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = usage,
            }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var pieces = model == "slow-stream"
            ? Enumerable.Repeat("tick ", 600).ToArray()
            : ["Paris is ", "the capital of France [1]. ", "It lies on the Seine [2]."];
        foreach (var piece in pieces)
        {
            await SendAsync(context, Chunk(model, new JsonObject { ["content"] = piece }, null));
            if (model == "slow-stream")
            {
                await Task.Delay(100, context.RequestAborted);
            }
        }

        await SendAsync(context, Chunk(model, new JsonObject(), "stop"));
        if (model != "no-usage")
        {
            await SendAsync(context, new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
                ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 40, ["completion_tokens"] = 12, ["total_tokens"] = 52 },
            });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var model = body["model"]!.GetValue<string>();
        Requests.Enqueue(new RecordedRequest("embeddings", model, body.ToJsonString(), context.Request.Headers.Authorization.ToString()));
        if (await ErrorAsync(context, model))
        {
            return;
        }

        var inputs = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            float[] vector = [inputs[i].Length, 1, 0, 0.5f];
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray([.. vector.Select(v => (JsonNode)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        await Results.Json(new JsonObject
        {
            ["object"] = "list", ["model"] = model, ["data"] = data,
            ["usage"] = new JsonObject { ["prompt_tokens"] = 3 * inputs.Count, ["total_tokens"] = 3 * inputs.Count },
        }).ExecuteAsync(context);
    }

    private static async Task<bool> ErrorAsync(HttpContext context, string model)
    {
        var status = model switch
        {
            "error-500" => 500,
            "error-503" => 503,
            "error-400" => 400,
            "error-401" => 401,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        await Results.Json(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"failure {status}", ["type"] = "server_error", ["code"] = status.ToString() },
        }, statusCode: status).ExecuteAsync(context);
        return true;
    }

    private static JsonObject Chunk(string model, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static async Task SendAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
