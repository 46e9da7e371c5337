using Google.Protobuf.WellKnownTypes;
using SecureRag.Auth.Domain;
using SecureRag.Contracts.Auth;

namespace SecureRag.Auth.Grpc;

/// <summary>Storage records to API messages. Key digests never leave this service.</summary>
internal static class AdminMapping
{
    public static Timestamp? ToTimestamp(this DateTime? value) =>
        value is null ? null : Timestamp.FromDateTime(DateTime.SpecifyKind(value.Value, DateTimeKind.Utc));

    public static ApiKey ToProto(this StoredApiKey key) => new()
    {
        Id = key.Id.ToString(),
        Name = key.Name,
        AppId = key.AppId?.ToString() ?? "",
        UserId = key.UserId?.ToString() ?? "",
        Scopes = { key.Scopes },
        AllowedAddresses = { key.AllowedAddresses },
        ExpiresAt = key.ExpiresAt.ToTimestamp(),
        CreatedAt = ((DateTime?)key.CreatedAt).ToTimestamp(),
        LastUsedAt = key.LastUsedAt.ToTimestamp(),
        RevokedAt = key.RevokedAt.ToTimestamp(),
        Prefix = key.Prefix,
    };

    public static User ToProto(this UserRecord user, IEnumerable<RoleGrant> roles, IEnumerable<Guid> groupIds) => new()
    {
        Id = user.Id.ToString(),
        Email = user.Email,
        DisplayName = user.DisplayName,
        Issuer = user.Issuer ?? "",
        Subject = user.Subject ?? "",
        Disabled = user.Disabled,
        Roles = { roles.Select(r => new RoleAssignment { Role = r.Role, Scope = r.Scope }) },
        GroupIds = { groupIds.Select(g => g.ToString()) },
    };

    public static App ToProto(this AppRecord app, IEnumerable<AppGrantRecord> grants) => new()
    {
        Id = app.Id.ToString(),
        Version = app.Version,
        UpdatedAt = ((DateTime?)app.UpdatedAt).ToTimestamp(),
        Grants = { grants.Select(g => new AppGrant { Kind = g.Kind, Id = g.GranteeId.ToString() }) },
        Spec = new AppSpec
        {
            Name = app.Name,
            SystemPrompt = app.SystemPrompt,
            KnowledgeBases = { app.KnowledgeBases },
            GuardrailPolicy = app.GuardrailPolicy,
            Model = app.Model,
            Audience = app.Audience,
            Limits = AppLimitsJson.Read(app.Limits),
            AuditText = app.AuditText,
        },
    };

    public static Group ToProto(this GroupRecord group, IEnumerable<Guid> members) => new()
    {
        Id = group.Id.ToString(),
        Name = group.Name,
        ExternalId = group.ExternalId ?? "",
        MemberUserIds = { members.Select(m => m.ToString()) },
    };
}
