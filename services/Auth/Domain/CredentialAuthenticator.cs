using Microsoft.Extensions.Options;
using SecureRag.Auth.Infrastructure;
using SecureRag.Auth.Oidc;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Domain;

/// <summary>
/// Turns a bearer credential into a principal: an API key (an app's or a user's), an OIDC token from a provider a
/// tenant binds, or an app's key together with the end user's token (the user, within the app's scope).
/// </summary>
public sealed class CredentialAuthenticator(
    ApiKeySecrets secrets,
    ApiKeyStore keys,
    DirectoryStore directory,
    AppStore apps,
    IExternalTokenValidator externalTokens,
    IOptions<AuthOptions> options,
    TimeProvider time)
{
    public async Task<AuthenticationResult> AuthenticateAsync(string credential, string? userToken, string? clientAddress, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.LooksLikeKey(credential))
        {
            if (!string.IsNullOrEmpty(userToken))
            {
                throw new AuthenticationFailedException("A user token can only accompany an app's API key.");
            }

            var (user, tokenExpires) = await AuthenticateUserTokenAsync(credential, cancellationToken);
            return new AuthenticationResult(await UserPrincipalAsync(user, Scopes.All, "", cancellationToken), null, user.Id, Limits(null), [], tokenExpires);
        }

        var key = await keys.FindByDigestAsync(secrets.Digest(credential), cancellationToken)
            ?? throw new AuthenticationFailedException("Unknown API key.");
        if (key.RevokedAt is not null)
        {
            throw new AuthenticationFailedException("The API key is revoked.");
        }

        DateTimeOffset? keyExpires = key.ExpiresAt is null ? null : new DateTimeOffset(DateTime.SpecifyKind(key.ExpiresAt.Value, DateTimeKind.Utc));
        if (keyExpires <= time.GetUtcNow())
        {
            throw new AuthenticationFailedException("The API key has expired.");
        }

        if (!AddressAllowList.Allows(key.AllowedAddresses, clientAddress))
        {
            throw new AuthenticationFailedException("The API key is not allowed from this address.");
        }

        if (LastUseIsStale(key.LastUsedAt))
        {
            await keys.TouchAsync(key.Id, cancellationToken);
        }

        if (key.Bootstrap)
        {
            var bootstrap = new Principal { TenantId = key.TenantId.ToString(), PrincipalId = key.Id.ToString(), Kind = "apikey", Roles = { Roles.Bootstrap } };
            return new AuthenticationResult(bootstrap, key.Id, null, Limits(null), key.AllowedAddresses, keyExpires);
        }

        if (key.UserId is { } userId)
        {
            var (owner, membership) = await directory.GetUserWithMembershipAsync(key.TenantId, userId, cancellationToken)
                ?? throw new AuthenticationFailedException("The key's user no longer exists.");
            return new AuthenticationResult(UserPrincipal(owner, membership, key.Scopes, ""), key.Id, owner.Id, Limits(null), key.AllowedAddresses, keyExpires);
        }

        var app = await apps.GetAsync(key.TenantId, key.AppId!.Value, cancellationToken)
            ?? throw new AuthenticationFailedException("The key's app no longer exists.");
        var limits = Limits(AppLimitsJson.Read(app.Limits));
        if (string.IsNullOrEmpty(userToken))
        {
            var appPrincipal = new Principal
            {
                TenantId = key.TenantId.ToString(),
                PrincipalId = key.Id.ToString(),
                Kind = "apikey",
                AppId = app.Id.ToString(),
                Scopes = { key.Scopes },
            };
            return new AuthenticationResult(appPrincipal, key.Id, null, limits, key.AllowedAddresses, keyExpires);
        }

        // A client app acting for its signed-in user: the user, within the app's scope and the key's scopes.
        var (endUser, userExpires) = await AuthenticateUserTokenAsync(userToken, cancellationToken);
        if (endUser.TenantId != key.TenantId)
        {
            throw new AuthenticationFailedException("The user belongs to another tenant than the app.");
        }

        var expires = keyExpires is null || userExpires < keyExpires ? userExpires : keyExpires;
        return new AuthenticationResult(
            await UserPrincipalAsync(endUser, key.Scopes, app.Id.ToString(), cancellationToken), key.Id, endUser.Id, limits, key.AllowedAddresses, expires);
    }

    private async Task<(UserRecord User, DateTimeOffset Expires)> AuthenticateUserTokenAsync(string token, CancellationToken cancellationToken)
    {
        IdentityBinding? binding = null;
        var (identity, error) = await externalTokens.ValidateAsync(token, async (issuer, audience, ct) =>
        {
            // Called once per audience in the token; keep the one that is bound.
            var found = await directory.FindBindingAsync(issuer, audience, ct);
            binding = found ?? binding;
            return found?.GroupsClaim;
        }, cancellationToken);
        if (identity is null || binding is null)
        {
            throw new AuthenticationFailedException(error ?? "The token's issuer and audience are not bound to a tenant.");
        }

        var user = await directory.UpsertExternalUserAsync(binding.TenantId, identity.Issuer, identity.Subject, identity.Email, identity.Name, cancellationToken);
        if (user.Disabled)
        {
            throw new AuthenticationFailedException("The user is disabled.");
        }

        await directory.SyncExternalGroupsAsync(binding.TenantId, user.Id, identity.Groups, cancellationToken);
        return (user, identity.ExpiresAt);
    }

    private async Task<Principal> UserPrincipalAsync(UserRecord user, IEnumerable<string> scopes, string appId, CancellationToken cancellationToken) =>
        UserPrincipal(user, await directory.GetMembershipAsync(user.Id, cancellationToken), scopes, appId);

    private static Principal UserPrincipal(UserRecord user, UserMembership membership, IEnumerable<string> scopes, string appId)
    {
        if (user.Disabled)
        {
            throw new AuthenticationFailedException("The user is disabled.");
        }

        var principal = new Principal
        {
            TenantId = user.TenantId.ToString(),
            PrincipalId = user.Id.ToString(),
            Kind = "user",
            AppId = appId,
            Scopes = { scopes },
            GroupIds = { membership.GroupIds.Select(g => g.ToString()) },
            Roles = { membership.Roles.Select(r => Roles.Scoped(r.Role, r.Scope)) },
        };
        if (user.PlatformOperator)
        {
            principal.Roles.Add(Roles.Operator);
        }

        return principal;
    }

    private bool LastUseIsStale(DateTime? lastUsedAt) =>
        lastUsedAt is not { } at
        || time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) >= options.Value.ApiKeyLastUsedPrecision;

    private Limits Limits(AppLimits? app) => AppLimitsJson.Resolve(options.Value.DefaultLimits, app);
}
