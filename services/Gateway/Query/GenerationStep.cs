using System.Globalization;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Inference;

namespace SecureRag.Gateway.Query;

/// <summary>Prompt assembly and generation happen in Inference; this builds its request from the pipeline's state.</summary>
public sealed class GenerationStep(Contracts.Inference.Inference.InferenceClient inference, IOptions<QueryOptions> options)
{
    public async Task<GenerateResponse> GenerateAsync(QueryState state, CancellationToken cancellationToken) =>
        await Downstream.InferenceAsync(async () => await inference.GenerateAsync(
            Request(state), state.Headers("inference"), deadline: DateTime.UtcNow + options.Value.InferenceTimeout, cancellationToken: cancellationToken));

    public Grpc.Core.AsyncServerStreamingCall<GenerateStreamEvent> Stream(QueryState state, CancellationToken cancellationToken) =>
        inference.GenerateStream(Request(state), state.Headers("inference"), deadline: DateTime.UtcNow + options.Value.InferenceTimeout, cancellationToken: cancellationToken);

    public static GenerateRequest Request(QueryState state)
    {
        var request = new GenerateRequest
        {
            Model = state.App.Model,
            SystemPrompt = state.App.SystemPrompt,
            Question = state.Question,
            MaxTokens = state.MaxTokens,
        };
        if (state.Input.Temperature is { } temperature)
        {
            request.Temperature = temperature;
        }

        for (var i = 0; i < state.Passages.Count; i++)
        {
            var hit = state.Passages[i];
            request.Passages.Add(new Passage
            {
                Id = hit.ChunkId,
                CitationId = (i + 1).ToString(CultureInfo.InvariantCulture),
                Title = hit.Title,
                Section = hit.SectionOf() ?? (hit.Page > 0 ? $"page {hit.Page}" : ""),
                Text = hit.Text,
                Rank = i + 1,
            });
        }

        request.Conversation.AddRange(state.Input.History.Select(t => new ConversationTurn
        {
            Role = t.Role == ChatRole.Assistant ? TurnRole.Assistant : TurnRole.User,
            Text = t.Text,
        }));
        return request;
    }
}
