namespace SecureRag.Gateway.Apis.Dtos;

public sealed record SetMembersRequest(IReadOnlyList<string> UserIds);
