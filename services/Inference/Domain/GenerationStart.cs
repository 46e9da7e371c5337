namespace SecureRag.Inference.Domain;

/// <summary>What is known before the first token: the model, the request's canary and the prompt's make-up.</summary>
public sealed record GenerationStart(string Model, string Canary, PromptReport Prompt);
