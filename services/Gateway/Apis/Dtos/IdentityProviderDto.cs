namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="GroupsClaim">The token claim naming the user's groups (default <c>groups</c>).</param>
public sealed record IdentityProviderDto(string Issuer, string Audience, string? GroupsClaim = null);
