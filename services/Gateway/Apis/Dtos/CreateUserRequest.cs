namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Issuer">With <paramref name="Subject"/>: the identity-provider account this user signs in with.</param>
public sealed record CreateUserRequest(string DisplayName, string? Email = null, string? Issuer = null, string? Subject = null);
