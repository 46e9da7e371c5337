namespace SecureRag.Contracts.Events;

/// <param name="Kind"><c>user</c>, <c>apikey</c>, <c>service</c> or <c>anonymous</c>.</param>
/// <param name="Id">The user, key or service id; for anonymous callers, empty.</param>
/// <param name="OnBehalfOf">For a service: the principal it acted for.</param>
public sealed record AuditActor(string Kind, string Id, string? OnBehalfOf = null);
