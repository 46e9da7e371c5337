namespace SecureRag.Inference.Infrastructure;

/// <summary>Whether the key-encryption certificate was generated for Development (and where), for the start-up warning.</summary>
public sealed record KeyEncryptionStatus(string? GeneratedPath);
