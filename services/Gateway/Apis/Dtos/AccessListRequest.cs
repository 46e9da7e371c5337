namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Access">Entries <c>user:&lt;id&gt;</c>, <c>group:&lt;id&gt;</c>, <c>app:&lt;id&gt;</c> or <c>tenant:*</c>.</param>
public sealed record AccessListRequest(IReadOnlyList<string>? Access);
