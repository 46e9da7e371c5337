using Google.Protobuf.WellKnownTypes;
using SecureRag.Contracts.Auth;

namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>Auth's messages to the public API's DTOs.</summary>
public static class DtoMapping
{
    public static DateTimeOffset? ToDto(this Timestamp? value) => value?.ToDateTimeOffset();

    public static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;

    public static ApiKeyDto ToDto(this ApiKey key) => new(
        key.Id, key.Name, key.Prefix, key.AppId.NullIfEmpty(), key.UserId.NullIfEmpty(), [.. key.Scopes], [.. key.AllowedAddresses],
        key.ExpiresAt.ToDto(), key.CreatedAt.ToDto(), key.LastUsedAt.ToDto(), key.RevokedAt.ToDto());

    public static CreatedApiKeyDto ToDto(this CreatedApiKey created) => new(created.Key.ToDto(), created.Secret);

    public static ListRequest ToListRequest(int? pageSize, string? pageToken) => new() { PageSize = pageSize ?? 0, PageToken = pageToken ?? "" };
}
