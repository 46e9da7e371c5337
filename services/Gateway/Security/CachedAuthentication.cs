namespace SecureRag.Gateway.Security;

/// <param name="AllowedAddresses">The key's address allow-list, checked on every request, cached or not.</param>
public sealed record CachedAuthentication(GatewayCaller Caller, IReadOnlyList<string> AllowedAddresses, DateTimeOffset CacheUntil);
