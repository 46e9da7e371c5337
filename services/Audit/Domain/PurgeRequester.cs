namespace SecureRag.Audit.Domain;

/// <summary>Who asked for a purge: a tenant owner through the API, or the service's own retention job.</summary>
public sealed record PurgeRequester(string ActorKind, string ActorId, string? OnBehalfOf = null, string? AppId = null)
{
    public static PurgeRequester RetentionJob { get; } = new("service", "audit");
}
