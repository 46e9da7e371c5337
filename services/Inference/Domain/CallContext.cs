namespace SecureRag.Inference.Domain;

/// <summary>Who a model call is made for, for its trace (never the prompt).</summary>
public sealed record CallContext(string TenantId, string PrincipalId, string? AppId);
