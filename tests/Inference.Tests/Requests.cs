using SecureRag.Contracts.Inference;

namespace SecureRag.Inference.Tests;

public static class Requests
{
    public const string SystemPrompt = "You are the travel desk assistant of Contoso. Answer from the passages only.";

    public static GenerateRequest Generate(string model, string question = "What is the capital of France?")
    {
        var request = new GenerateRequest { Model = model, SystemPrompt = SystemPrompt, Question = question, MaxTokens = 128 };
        request.Passages.Add(new Passage { Id = "chunk-a", CitationId = "1", Title = "France", Section = "Cities", Text = "Paris is the capital of France. It has about two million inhabitants.", Rank = 1 });
        request.Passages.Add(new Passage { Id = "chunk-b", CitationId = "2", Title = "Rivers", Section = "Seine", Text = "The Seine flows through Paris. It reaches the sea at Le Havre.", Rank = 2 });
        request.Conversation.Add(new ConversationTurn { Role = TurnRole.User, Text = "Hello there" });
        request.Conversation.Add(new ConversationTurn { Role = TurnRole.Assistant, Text = "Hello, how can I help?" });
        return request;
    }
}
