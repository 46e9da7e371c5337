namespace SecureRag.Gateway.RateLimiting;

/// <summary>Whose limit a request or a token reservation counts against.</summary>
public enum RateLimitScope
{
    ApiKey,
    User,
    Tenant,
}
