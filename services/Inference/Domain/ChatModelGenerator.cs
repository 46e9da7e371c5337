using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using SecureRag.Inference.Infrastructure;

namespace SecureRag.Inference.Domain;

/// <summary>
/// A chat model served by a runtime: assembles the prompt, calls the model through Microsoft.Extensions.AI within the
/// model's timeout (the caller's cancellation goes through to the runtime), and reports usage — the runtime's count,
/// or ours when it gives none.
/// </summary>
public sealed class ChatModelGenerator(
    RegisteredModel model,
    ModelClients clients,
    PromptAssembler assembler,
    TokenCounter tokens,
    ModelCallTelemetry telemetry) : IGenerator
{
    private const string Operation = "chat";

    public string Name => model.Name;

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CallContext call, CancellationToken cancellationToken)
    {
        var prompt = Assemble(request, out var maxTokens);
        using var activity = telemetry.Start(Operation, model.Name, model.Options.ModelId, model.Host, call);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(model.Options.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var client = await clients.GetChatClientAsync(model, timeout.Token);
            var response = await client.GetResponseAsync(Messages(prompt), Options(request, maxTokens), timeout.Token);
            var text = response.Text;
            var end = End(prompt, text, response.Usage, response.FinishReason);
            telemetry.Completed(activity, Operation, model.Name, model.Host, end.Usage, end.FinishReason.ToString(), Stopwatch.GetElapsedTime(started));
            return new GenerationResult(new GenerationStart(model.Name, prompt.Canary, prompt.Report), text, end);
        }
        catch (Exception ex) when (ModelFailures.Translate(ex, model, cancellationToken) is { } failure)
        {
            ModelCallTelemetry.Failed(activity, failure);
            throw failure;
        }
    }

    public async Task<GenerationStream> StreamAsync(GenerationRequest request, CallContext call, CancellationToken cancellationToken)
    {
        var prompt = Assemble(request, out var maxTokens);
        try
        {
            var client = await clients.GetChatClientAsync(model, cancellationToken);
            return new GenerationStream(new GenerationStart(model.Name, prompt.Canary, prompt.Report), Chunks(client, prompt, request, maxTokens, call, cancellationToken));
        }
        catch (Exception ex) when (ModelFailures.Translate(ex, model, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private async IAsyncEnumerable<GenerationChunk> Chunks(
        IChatClient client, AssembledPrompt prompt, GenerationRequest request, int maxTokens, CallContext call,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = telemetry.Start(Operation, model.Name, model.Options.ModelId, model.Host, call);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(model.Options.Timeout);
        var started = Stopwatch.GetTimestamp();
        var text = new StringBuilder();
        UsageDetails? usage = null;
        ChatFinishReason? finishReason = null;

        var updates = client.GetStreamingResponseAsync(Messages(prompt), Options(request, maxTokens), timeout.Token).GetAsyncEnumerator(timeout.Token);
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex) when (ModelFailures.Translate(ex, model, cancellationToken) is { } failure)
                {
                    ModelCallTelemetry.Failed(activity, failure);
                    throw failure;
                }

                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                finishReason = update.FinishReason ?? finishReason;
                var delta = update.Text;
                if (delta.Length > 0)
                {
                    text.Append(delta);
                    yield return new GenerationChunk(delta);
                }
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }

        var end = End(prompt, text.ToString(), usage, finishReason);
        telemetry.Completed(activity, Operation, model.Name, model.Host, end.Usage, end.FinishReason.ToString(), Stopwatch.GetElapsedTime(started));
        yield return new GenerationChunk("", end);
    }

    private AssembledPrompt Assemble(GenerationRequest request, out int maxTokens)
    {
        maxTokens = Math.Min(request.MaxTokens is > 0 ? request.MaxTokens.Value : model.Options.MaxOutputTokens, model.Options.MaxOutputTokens);
        return assembler.Assemble(request, model.Options.ContextWindow, maxTokens, Canary.NewCanary(), Canary.NewFence());
    }

    private ChatOptions Options(GenerationRequest request, int maxTokens) => new()
    {
        ModelId = model.Options.ModelId,
        MaxOutputTokens = maxTokens,
        Temperature = request.Temperature ?? model.Options.Temperature,
    };

    private GenerationEnd End(AssembledPrompt prompt, string text, UsageDetails? usage, ChatFinishReason? finishReason)
    {
        var counted = new TokenUsage(
            (int?)usage?.InputTokenCount ?? prompt.PromptTokens,
            (int?)usage?.OutputTokenCount ?? tokens.Count(text));
        var reason = finishReason == ChatFinishReason.Length ? FinishReason.Length
            : finishReason == ChatFinishReason.ContentFilter ? FinishReason.ContentFilter
            : FinishReason.Stop;
        return new GenerationEnd(counted, reason, CitationFinder.Find(text, prompt.Passages));
    }

    private static List<ChatMessage> Messages(AssembledPrompt prompt) =>
    [
        .. prompt.Messages.Select(m => new ChatMessage(
            m.Role switch
            {
                PromptRole.System => ChatRole.System,
                PromptRole.Assistant => ChatRole.Assistant,
                _ => ChatRole.User,
            },
            m.Text)),
    ];
}
