using SecureRag.Contracts.Inference;
using SecureRag.Inference.Domain;
using SecureRag.ServiceDefaults.Security;
using DomainCitation = SecureRag.Inference.Domain.Citation;
using DomainConversationTurn = SecureRag.Inference.Domain.ConversationTurn;
using DomainFinishReason = SecureRag.Inference.Domain.FinishReason;
using DomainModelKind = SecureRag.Inference.Domain.ModelKind;
using DomainPassage = SecureRag.Inference.Domain.Passage;
using DomainPromptReport = SecureRag.Inference.Domain.PromptReport;
using DomainTurnRole = SecureRag.Inference.Domain.TurnRole;
using ProtoCitation = SecureRag.Contracts.Inference.Citation;
using ProtoFinishReason = SecureRag.Contracts.Inference.FinishReason;
using ProtoModelKind = SecureRag.Contracts.Inference.ModelKind;
using ProtoPromptReport = SecureRag.Contracts.Inference.PromptReport;

namespace SecureRag.Inference.Grpc;

/// <summary>Between the contract's messages and the service's own types.</summary>
public static class ProtoMapping
{
    public static GenerationRequest ToDomain(this GenerateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw InferenceErrors.InvalidArgument("question is required.");
        }

        if (request.MaxTokens < 0)
        {
            throw InferenceErrors.InvalidArgument("max_tokens cannot be negative.");
        }

        if (request.HasTemperature && (float.IsNaN(request.Temperature) || request.Temperature is < 0 or > 2))
        {
            throw InferenceErrors.InvalidArgument("temperature must be between 0 and 2.");
        }

        var turns = request.Conversation.Select(t => new DomainConversationTurn(
            t.Role switch
            {
                Contracts.Inference.TurnRole.User => DomainTurnRole.User,
                Contracts.Inference.TurnRole.Assistant => DomainTurnRole.Assistant,
                _ => throw InferenceErrors.InvalidArgument("conversation turns are user or assistant turns; the system prompt comes from the app."),
            },
            t.Text)).ToList();
        var passages = request.Passages.Select(p => new DomainPassage(p.Id, p.CitationId, p.Title, p.Section, p.Text, p.Rank)).ToList();
        return new GenerationRequest(
            request.SystemPrompt, passages, turns, request.Question,
            request.MaxTokens > 0 ? request.MaxTokens : null,
            request.HasTemperature ? request.Temperature : null);
    }

    public static CallContext ToCallContext(this CallerPrincipal caller) => new(caller.TenantId, caller.PrincipalId, caller.AppId);

    public static GenerateResponse ToProto(this GenerationResult result)
    {
        var response = new GenerateResponse
        {
            Text = result.Text,
            Model = result.Start.Model,
            Canary = result.Start.Canary,
            Usage = result.End.Usage.ToProto(),
            FinishReason = result.End.FinishReason.ToProto(),
            Prompt = result.Start.Prompt.ToProto(),
        };
        response.Citations.AddRange(result.End.Citations.Select(ToProto));
        return response;
    }

    public static GenerationStarted ToProto(this GenerationStart start) =>
        new() { Model = start.Model, Canary = start.Canary, Prompt = start.Prompt.ToProto() };

    public static GenerationCompleted ToProto(this GenerationEnd end)
    {
        var completed = new GenerationCompleted { Usage = end.Usage.ToProto(), FinishReason = end.FinishReason.ToProto() };
        completed.Citations.AddRange(end.Citations.Select(ToProto));
        return completed;
    }

    public static Usage ToProto(this TokenUsage usage) =>
        new() { PromptTokens = usage.PromptTokens, CompletionTokens = usage.CompletionTokens, TotalTokens = usage.TotalTokens };

    public static EmbedResponse ToProto(this EmbeddingResult result, string model)
    {
        var response = new EmbedResponse { Dimension = result.Dimension, EmbedderId = result.EmbedderId, Model = model, Usage = result.Usage.ToProto() };
        foreach (var vector in result.Vectors)
        {
            var embedding = new Embedding();
            embedding.Values.AddRange(vector.ToArray());
            response.Embeddings.Add(embedding);
        }

        return response;
    }

    public static ModelInfo ToProto(this ModelDescriptor model) => new()
    {
        Name = model.Name,
        Kind = model.Kind == DomainModelKind.Chat ? ProtoModelKind.Chat : ProtoModelKind.Embedding,
        Embedded = model.Embedded,
        ContextWindow = model.ContextWindow,
        EmbedderId = model.EmbedderId ?? "",
        Dimension = model.Dimension ?? 0,
        IsDefault = model.IsDefault,
    };

    private static ProtoCitation ToProto(DomainCitation citation) => new() { CitationId = citation.CitationId, PassageId = citation.PassageId };

    private static ProtoPromptReport ToProto(this DomainPromptReport report)
    {
        var proto = new ProtoPromptReport { DroppedTurns = report.DroppedTurns };
        proto.IncludedPassageIds.AddRange(report.IncludedPassageIds);
        proto.DroppedPassageIds.AddRange(report.DroppedPassageIds);
        proto.TruncatedPassageIds.AddRange(report.TruncatedPassageIds);
        return proto;
    }

    private static ProtoFinishReason ToProto(this DomainFinishReason reason) => reason switch
    {
        DomainFinishReason.Stop => ProtoFinishReason.Stop,
        DomainFinishReason.Length => ProtoFinishReason.Length,
        DomainFinishReason.ContentFilter => ProtoFinishReason.ContentFilter,
        DomainFinishReason.NoAnswer => ProtoFinishReason.NoAnswer,
        _ => ProtoFinishReason.Unspecified,
    };
}
