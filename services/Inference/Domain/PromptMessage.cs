namespace SecureRag.Inference.Domain;

public sealed record PromptMessage(PromptRole Role, string Text);
