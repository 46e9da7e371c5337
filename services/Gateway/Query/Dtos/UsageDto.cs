namespace SecureRag.Gateway.Query.Dtos;

public sealed record UsageDto(int PromptTokens, int CompletionTokens, int TotalTokens);
