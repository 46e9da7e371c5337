using System.Net;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Gateway.RateLimiting;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Security;

/// <summary>
/// Authenticates and authorizes every request to an endpoint that declares a permission: refuse addresses with too
/// many failed attempts, read the bearer credential (and an end user's token), ask Auth through the cache, check the
/// key's address allow-list and the endpoint's permission. Rate limiting follows in its own middleware.
/// </summary>
public sealed class GatewaySecurityMiddleware(
    RequestDelegate next,
    CallerAuthenticator authenticator,
    IAuthFailureLimiter failures,
    SecurityAudit audit,
    IOptions<GatewayOptions> options,
    ILogger<GatewaySecurityMiddleware> logger)
{
    /// <summary>Header with the end user's token when a client app acts for its signed-in user.</summary>
    public const string UserTokenHeader = "X-SecureRag-User-Token";

    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<PermissionRequirement>();
        if (requirement is null)
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var header = context.Request.Headers.Authorization.ToString();
        var userToken = context.Request.Headers[UserTokenHeader].ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length > options.Value.MaxCredentialLength
            || userToken.Length > options.Value.MaxCredentialLength || header.Length == BearerPrefix.Length)
        {
            await RefuseAsync(context, address, "The bearer credential is missing or malformed.");
            return;
        }

        var credential = header[BearerPrefix.Length..].Trim();
        var endUserToken = userToken.Length == 0 ? null : userToken;
        CachedAuthentication authentication;
        try
        {
            // Known credentials skip the failed-attempt check: guessing always misses the cache, so the check
            // costs a Redis round trip only where it matters.
            if (!authenticator.TryGetCached(credential, endUserToken, address.ToString(), out authentication))
            {
                var blocked = await failures.IsBlockedAsync(address, context.RequestAborted);
                if (blocked.Blocked)
                {
                    await RateLimitProblems.AuthenticationBlocked(context, blocked).ExecuteAsync(context);
                    return;
                }

                authentication = await authenticator.AuthenticateAsync(credential, endUserToken, address.ToString());
            }
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.InvalidArgument)
        {
            await RefuseAsync(context, address, ex.Status.Detail);
            return;
        }
        catch (RpcException ex)
        {
            logger.LogError("Auth is unavailable: {Status} {Detail}", ex.StatusCode, ex.Status.Detail);
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Authentication is unavailable.",
                extensions: new Dictionary<string, object?> { ["code"] = "auth_unavailable" }).ExecuteAsync(context);
            return;
        }

        if (!AddressAllowList.Allows(authentication.AllowedAddresses, address.ToString()))
        {
            await RefuseAsync(context, address, "The API key is not allowed from this address.");
            return;
        }

        var caller = authentication.Caller;
        if (!Permissions.Allows(caller.Principal, requirement.Permission))
        {
            await audit.DeniedAsync(caller, requirement.Permission.ToString(), address, context.RequestAborted);
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This credential may not do that.",
                extensions: new Dictionary<string, object?> { ["code"] = "forbidden" }).ExecuteAsync(context);
            return;
        }

        context.SetCaller(caller);
        await next(context);
    }

    private async Task RefuseAsync(HttpContext context, IPAddress address, string reason)
    {
        var status = await failures.RecordFailureAsync(address, context.RequestAborted);
        await audit.AuthenticationFailedAsync(address, status, reason, context.RequestAborted);
        // The reason goes to the audit trail; the caller learns only that the credential was not accepted.
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The credential was not accepted.",
            extensions: new Dictionary<string, object?> { ["code"] = "unauthenticated" }).ExecuteAsync(context);
    }
}
