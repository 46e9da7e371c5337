using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Security;

/// <summary>Asks Auth who a credential belongs to, through the principal cache.</summary>
public sealed class CallerAuthenticator(
    Authenticator.AuthenticatorClient auth,
    ServiceAssertionProvider serviceAssertions,
    PrincipalCache cache,
    IOptions<GatewayOptions> options,
    TimeProvider time)
{
    private static readonly TimeSpan AuthTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A remembered answer for the credential, without waiting for Auth.</summary>
    public bool TryGetCached(string credential, string? userToken, string clientAddress, out CachedAuthentication authentication) =>
        cache.TryGetFresh(PrincipalCache.KeyOf(credential, userToken), () => AskAuthAsync(credential, userToken, clientAddress), out authentication);

    /// <exception cref="RpcException">UNAUTHENTICATED when Auth refuses the credential; UNAVAILABLE when Auth is down.</exception>
    public Task<CachedAuthentication> AuthenticateAsync(string credential, string? userToken, string clientAddress) =>
        cache.GetOrAuthenticateAsync(PrincipalCache.KeyOf(credential, userToken), () => AskAuthAsync(credential, userToken, clientAddress));

    private async Task<CachedAuthentication> AskAuthAsync(string credential, string? userToken, string clientAddress)
    {
        // Shared by concurrent requests with the same credential, so it must not die with the first of them.
        using var timeout = new CancellationTokenSource(AuthTimeout);
        var headers = await serviceAssertions.GetHeadersAsync("auth", "", "", timeout.Token);
        var response = await auth.AuthenticateAsync(new AuthenticateRequest
        {
            Credential = credential,
            UserToken = userToken ?? "",
            ClientAddress = clientAddress,
            Audiences = { options.Value.DownstreamServices },
        }, headers, cancellationToken: timeout.Token);
        return ToCached(response, time.GetUtcNow());
    }

    private static CachedAuthentication ToCached(AuthenticateResponse response, DateTimeOffset now)
    {
        var p = response.Principal;
        var principal = new CallerPrincipal(
            p.TenantId,
            p.PrincipalId,
            p.Kind switch { "apikey" => PrincipalKind.ApiKey, "service" => PrincipalKind.Service, _ => PrincipalKind.User },
            [.. p.GroupIds],
            [.. p.Roles],
            p.AppId.Length == 0 ? null : p.AppId,
            [.. p.Scopes],
            p.OnBehalfOf.Length == 0 ? null : p.OnBehalfOf);
        var l = response.Limits;
        var caller = new GatewayCaller(
            principal,
            response.ApiKeyId.Length == 0 ? null : response.ApiKeyId,
            response.UserId.Length == 0 ? null : response.UserId,
            l is null ? null : new RateLimits(l.ApiKeyRequestsPerMinute, l.UserRequestsPerMinute, l.TenantRequestsPerMinute, l.ApiKeyTokensPerDay, l.UserTokensPerDay, l.TenantTokensPerDay),
            response.Assertions.ToDictionary(a => a.Audience, a => a.Token, StringComparer.Ordinal));
        return CachedAuthentication.Create(caller, [.. response.AllowedAddresses], response.CacheUntil.ToDateTimeOffset(), now);
    }
}
