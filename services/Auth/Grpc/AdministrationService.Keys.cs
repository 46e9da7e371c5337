using Grpc.Core;
using SecureRag.Auth.Domain;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

public sealed partial class AdministrationService
{
    public override async Task<CreatedApiKey> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageKeys);
        var tenantId = TenantOf(caller);
        var name = RequireText(request.Name, "name");
        if (request.Scopes.Count == 0 || request.Scopes.Any(s => !Scopes.All.Contains(s)))
        {
            throw Invalid("scopes", $"must be one or more of {string.Join(", ", Scopes.All)}");
        }

        if (request.AppId.Length > 0 && request.UserId.Length > 0)
        {
            throw Invalid("app_id", "a key belongs to an app or to a user, not both");
        }

        Guid? appId = request.AppId.Length > 0 ? ParseId(request.AppId, "app_id") : null;
        Guid? userId = appId is null ? ParseId(request.UserId.Length > 0 ? request.UserId : caller.PrincipalId, "user_id") : null;
        if (appId is not null && request.Scopes.Contains(Scopes.Admin))
        {
            throw Invalid("scopes", "an app's key cannot carry the admin scope");
        }

        var expires = request.ExpiresAt?.ToDateTimeOffset();
        if (expires <= time.GetUtcNow())
        {
            throw Invalid("expires_at", "must be in the future");
        }

        if (!AddressAllowList.IsValid(request.AllowedAddresses))
        {
            throw Invalid("allowed_addresses", "must be IP addresses or CIDR ranges");
        }

        if (appId is not null && await apps.GetAsync(tenantId, appId.Value, context.CancellationToken) is null)
        {
            throw NotFound("App");
        }

        if (userId is not null && await directory.GetUserAsync(tenantId, userId.Value, context.CancellationToken) is null)
        {
            throw NotFound("User");
        }

        var (secret, digest, prefix) = secrets.Create();
        var key = new StoredApiKey(
            Guid.CreateVersion7(), tenantId, name, appId, userId, digest, prefix, [.. request.Scopes.Distinct()],
            [.. request.AllowedAddresses], expires?.UtcDateTime, false, time.GetUtcNow().UtcDateTime, null, null);
        await database.InTransactionAsync(async (session, ct) =>
        {
            await keys.InsertAsync(session, key, caller.PrincipalId, ct);
            await RecordAsync(session, context, caller, "apikey.created", key.Id.ToString(), principalsChanged: false,
                new Dictionary<string, string> { ["scopes"] = string.Join(' ', key.Scopes), ["owner"] = appId is null ? $"user:{userId}" : $"app:{appId}" });
        }, context.CancellationToken);
        return new CreatedApiKey { Key = key.ToProto(), Secret = secret };
    }

    public override async Task<ApiKeyList> ListApiKeys(ListRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context.Require(Permission.ManageKeys));
        var after = request.PageToken.Length == 0 ? (DateTime?)null
            : DateTime.TryParse(request.PageToken, null, System.Globalization.DateTimeStyles.RoundtripKind, out var t) ? t : throw Invalid("page_token", "is not valid");
        var page = await keys.ListAsync(tenantId, PageSize(request), after, context.CancellationToken);
        return new ApiKeyList
        {
            Keys = { page.Select(k => k.ToProto()) },
            NextPageToken = page.Count == PageSize(request) ? page[^1].CreatedAt.ToString("O") : "",
        };
    }

    public override async Task<ApiKey> RevokeApiKey(IdRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageKeys);
        var id = ParseId(request.Id, "id");
        return await database.InTransactionAsync(async (session, ct) =>
        {
            var revoked = await keys.RevokeAsync(session, TenantOf(caller), id, ct) ?? throw NotFound("API key");
            await RecordAsync(session, context, caller, "apikey.revoked", id.ToString(), principalsChanged: true);
            return revoked.ToProto();
        }, context.CancellationToken);
    }

    public override async Task<CreatedApiKey> Bootstrap(BootstrapRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.Bootstrap);
        var tenantId = TenantOf(caller);
        var bootstrapKeyId = ParseId(caller.PrincipalId, "principal");
        var (secret, digest, prefix) = secrets.Create();
        return await database.InTransactionAsync(async (session, ct) =>
        {
            if (!await keys.ConsumeAsync(session, bootstrapKeyId, ct))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, "The bootstrap credential has been used."));
            }

            var owner = (await directory.ListUsersAsync(tenantId, 1, null, ct)).FirstOrDefault(u => u.PlatformOperator)
                ?? throw NotFound("Bootstrap owner");
            var key = new StoredApiKey(
                Guid.CreateVersion7(), tenantId, "owner", null, owner.Id, digest, prefix, [.. Scopes.All], [], null, false,
                time.GetUtcNow().UtcDateTime, null, null);
            await keys.InsertAsync(session, key, caller.PrincipalId, ct);
            await RecordAsync(session, context, caller, "bootstrap.completed", key.Id.ToString(), principalsChanged: true);
            return new CreatedApiKey { Key = key.ToProto(), Secret = secret };
        }, context.CancellationToken);
    }
}
