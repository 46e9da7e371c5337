using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Auth.Assertions;
using SecureRag.Auth.Domain;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

/// <summary>Authenticates the Gateway's callers and signs their assertions for the services they reach.</summary>
public sealed class AuthenticatorService(
    CredentialAuthenticator authenticator,
    AssertionIssuer issuer,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<AuthenticatorService> logger) : Authenticator.AuthenticatorBase
{
    private const int MaxCredentialLength = 16 * 1024;
    private const int MaxAudiences = 16;

    public override async Task<AuthenticateResponse> Authenticate(AuthenticateRequest request, ServerCallContext context)
    {
        context.RequireService("gateway");
        if (request.Credential.Length is 0 or > MaxCredentialLength || request.UserToken.Length > MaxCredentialLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The credential is missing or too long."));
        }

        if (request.Audiences.Count > MaxAudiences)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"At most {MaxAudiences} audiences."));
        }

        AuthenticationResult result;
        try
        {
            result = await authenticator.AuthenticateAsync(request.Credential, request.UserToken, request.ClientAddress, context.CancellationToken);
        }
        catch (AuthenticationFailedException ex)
        {
            logger.LogInformation("Authentication refused for {ClientAddress}: {Reason}", request.ClientAddress, ex.Message);
            throw new RpcException(new Status(StatusCode.Unauthenticated, ex.Message));
        }

        var response = new AuthenticateResponse
        {
            Principal = result.Principal,
            ApiKeyId = result.ApiKeyId?.ToString() ?? "",
            UserId = result.UserId?.ToString() ?? "",
            Limits = result.Limits,
            AllowedAddresses = { result.AllowedAddresses },
        };
        foreach (var audience in request.Audiences.Distinct(StringComparer.Ordinal))
        {
            response.Assertions.Add(await issuer.IssueAsync(result.Principal, audience, context.CancellationToken));
        }

        var cacheUntil = time.GetUtcNow() + options.Value.PrincipalCacheLifetime;
        if (result.CredentialExpiresAt < cacheUntil)
        {
            cacheUntil = result.CredentialExpiresAt.Value;
        }

        foreach (var assertion in response.Assertions)
        {
            // Keep a margin so a cached assertion is never sent about to expire.
            var usableUntil = assertion.ExpiresAt.ToDateTimeOffset() - TimeSpan.FromSeconds(30);
            cacheUntil = usableUntil < cacheUntil ? usableUntil : cacheUntil;
        }

        response.CacheUntil = Timestamp.FromDateTimeOffset(cacheUntil);
        return response;
    }
}
