namespace SecureRag.Auth.Domain;

/// <param name="Kind"><c>group</c> or <c>user</c>.</param>
public sealed record AppGrantRecord(string Kind, Guid GranteeId);
