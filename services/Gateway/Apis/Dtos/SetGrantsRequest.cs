namespace SecureRag.Gateway.Apis.Dtos;

public sealed record SetGrantsRequest(IReadOnlyList<GrantDto> Grants);
