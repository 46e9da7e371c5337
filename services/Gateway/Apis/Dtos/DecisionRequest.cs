namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Version">The version decided; absent: the latest.</param>
public sealed record DecisionRequest(long? Version = null, string? Reason = null);
