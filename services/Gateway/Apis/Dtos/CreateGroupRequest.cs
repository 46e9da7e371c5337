namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="ExternalId">The identity provider's group claim value that maps to this group.</param>
public sealed record CreateGroupRequest(string Name, string? ExternalId = null);
