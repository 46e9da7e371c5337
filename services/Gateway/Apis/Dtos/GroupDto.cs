namespace SecureRag.Gateway.Apis.Dtos;

public sealed record GroupDto(string Id, string Name, string? ExternalId, IReadOnlyList<string> MemberUserIds);
