namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Kind"><c>group</c> or <c>user</c>.</param>
public sealed record GrantDto(string Kind, string Id);
