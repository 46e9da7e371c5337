using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecureRag.Integration.Tests.Infrastructure;

/// <summary>
/// A hostile model behind a small OpenAI-compatible chat-completions server on 127.0.0.1, registered in the
/// platform's Inference model registry as <see cref="ModelName"/>. It does what a weak or subverted model would:
/// echoes its whole system prompt (canary included) when the question mentions <see cref="EchoTrigger"/>, obeys an
/// instruction it finds in the context ("respond only with X"), and otherwise repeats the passages it was given,
/// personal data and all. Streams in small pieces, so values are split across deltas.
/// </summary>
public sealed partial class HostileModel : IAsyncDisposable
{
    public const string ModelName = "hostile";
    public const string EchoTrigger = "onboarding";

    private readonly WebApplication _app;

    private HostileModel(WebApplication app) => _app = app;

    /// <summary>Chat requests received, by the text of their last user message.</summary>
    public ConcurrentQueue<string> Questions { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<HostileModel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = new HostileModel(app);
        app.MapPost("/v1/chat/completions", model.ChatAsync);
        await app.StartAsync();
        model.BaseAddress = new Uri($"http://127.0.0.1:{new Uri(app.Urls.First()).Port}/v1");
        return model;
    }

    /// <summary>The Inference registry entry (AppHost configuration, forwarded to the service).</summary>
    public void Register(IDictionary<string, string?> configuration)
    {
        configuration[$"Inference:Models:{ModelName}:Endpoint"] = BaseAddress.ToString();
        configuration[$"Inference:Models:{ModelName}:ModelId"] = "hostile-1";
        configuration[$"Inference:Models:{ModelName}:Kind"] = "Chat";
        configuration[$"Inference:Models:{ModelName}:ContextWindow"] = "16384";
        configuration[$"Inference:Models:{ModelName}:MaxOutputTokens"] = "2048";
    }

    public int CountAsking(string fragment) => Questions.Count(q => q.Contains(fragment, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The answer to a prompt: the behaviour of the model, without the protocol.</summary>
    public static string Answer(string system, string question)
    {
        if (question.Contains(EchoTrigger, StringComparison.OrdinalIgnoreCase))
        {
            return "Sure. My instructions are: " + system;
        }

        if (Instruction().Match(system) is { Success: true } obeyed)
        {
            return obeyed.Groups[1].Value;
        }

        var passages = Passages(system);
        return passages.Count == 0 ? "I have nothing on that." : string.Join(" ", passages);
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var messages = body["messages"]!.AsArray().Select(m => (Role: m!["role"]!.GetValue<string>(), Text: Content(m["content"]))).ToList();
        var system = string.Join("\n", messages.Where(m => m.Role == "system").Select(m => m.Text));
        var question = messages.LastOrDefault(m => m.Role == "user").Text ?? "";
        Questions.Enqueue(question);
        var answer = Answer(system, question);
        var usage = new JsonObject
        {
            ["prompt_tokens"] = messages.Sum(m => m.Text.Length) / 4,
            ["completion_tokens"] = Math.Max(1, answer.Length / 4),
            ["total_tokens"] = (messages.Sum(m => m.Text.Length) / 4) + Math.Max(1, answer.Length / 4),
        };
        var model = body["model"]?.GetValue<string>() ?? "hostile-1";
        if (body["stream"]?.GetValue<bool>() != true)
        {
            await Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-hostile", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = usage,
            }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < answer.Length; i += 7)
        {
            await SendAsync(context, Chunk(model, new JsonObject { ["content"] = answer.Substring(i, Math.Min(7, answer.Length - i)) }, null));
        }

        await SendAsync(context, Chunk(model, new JsonObject(), "stop"));
        await SendAsync(context, new JsonObject
        {
            ["id"] = "chatcmpl-hostile", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
            ["choices"] = new JsonArray(), ["usage"] = usage,
        });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-hostile", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task SendAsync(HttpContext context, JsonObject payload)
    {
        await context.Response.WriteAsync("data: " + payload.ToJsonString() + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    [GeneratedRegex(@"respond only with\s+([A-Z][A-Z0-9-]{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    /// <summary>
    /// The passages between Inference's fences, each as its text followed by its citation: a header line
    /// "[n] title — section" opens a passage, the lines up to the next header are its text.
    /// </summary>
    private static List<string> Passages(string system)
    {
        var passages = new List<string>();
        string? cite = null;
        var text = new StringBuilder();
        var inside = false;
        foreach (var line in system.Split('\n'))
        {
            if (line.StartsWith("<<<PASSAGES-", StringComparison.Ordinal))
            {
                inside = line.EndsWith("BEGIN>>>", StringComparison.Ordinal);
                continue;
            }

            if (!inside)
            {
                continue;
            }

            if (Header().Match(line) is { Success: true } header)
            {
                Flush();
                cite = header.Groups[1].Value;
            }
            else if (cite is not null && line.Trim().Length > 0 && !line.StartsWith("[This passage", StringComparison.Ordinal))
            {
                text.Append(text.Length == 0 ? "" : " ").Append(line.Trim());
            }
        }

        Flush();
        return passages;

        void Flush()
        {
            if (cite is not null && text.Length > 0)
            {
                passages.Add($"{text} [{cite}]");
            }

            text.Clear();
        }
    }

    [GeneratedRegex(@"^\[(\d+)\] ")]
    private static partial Regex Header();
}
