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

    public static TenantDto ToDto(this Tenant tenant) => new(
        tenant.Id, tenant.Name, [.. tenant.IdentityProviders.Select(b => new IdentityProviderDto(b.Issuer, b.Audience, b.GroupsClaim))], tenant.CreatedAt.ToDto());

    public static UserDto ToDto(this User user) => new(
        user.Id, user.Email, user.DisplayName, user.Issuer.NullIfEmpty(), user.Subject.NullIfEmpty(),
        [.. user.Roles.Select(r => new RoleDto(r.Role, r.Scope.NullIfEmpty()))], [.. user.GroupIds], user.Disabled);

    public static GroupDto ToDto(this Group group) => new(group.Id, group.Name, group.ExternalId.NullIfEmpty(), [.. group.MemberUserIds]);

    public static AppDto ToDto(this App app) => new(
        app.Id,
        new AppSpecDto(
            app.Spec.Name, app.Spec.Audience, app.Spec.SystemPrompt, [.. app.Spec.KnowledgeBases], app.Spec.GuardrailPolicy, app.Spec.Model,
            app.Spec.Limits is { } l ? new AppLimitsDto(l.RequestsPerMinutePerKey, l.RequestsPerMinutePerUser, l.TokensPerDayPerKey, l.TokensPerDayPerUser, l.MaxTokensPerRequest) : null,
            app.Spec.AuditText),
        app.Version,
        [.. app.Grants.Select(g => new GrantDto(g.Kind, g.Id))],
        app.UpdatedAt.ToDto());

    public static AppSpec ToProto(this AppSpecDto spec) => new()
    {
        Name = spec.Name ?? "",
        Audience = spec.Audience ?? "",
        SystemPrompt = spec.SystemPrompt ?? "",
        KnowledgeBases = { spec.KnowledgeBases ?? [] },
        GuardrailPolicy = spec.GuardrailPolicy ?? "",
        Model = spec.Model ?? "",
        AuditText = spec.AuditText ?? "",
        Limits = spec.Limits is { } l
            ? new AppLimits
            {
                RequestsPerMinutePerKey = l.RequestsPerMinutePerKey,
                RequestsPerMinutePerUser = l.RequestsPerMinutePerUser,
                TokensPerDayPerKey = l.TokensPerDayPerKey,
                TokensPerDayPerUser = l.TokensPerDayPerUser,
                MaxTokensPerRequest = l.MaxTokensPerRequest,
            }
            : null,
    };
}
