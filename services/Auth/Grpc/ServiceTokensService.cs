using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Auth.Assertions;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

/// <summary>
/// Exchanges a service's credential for a service assertion. The credential is compared by its SHA-256 digest in
/// constant time; Auth is configured with digests only.
/// </summary>
public sealed class ServiceTokensService(AssertionIssuer issuer, IOptions<AuthOptions> options, ILogger<ServiceTokensService> logger)
    : ServiceTokens.ServiceTokensBase
{
    [AllowWithoutAssertion]
    public override async Task<Assertion> IssueServiceAssertion(IssueServiceAssertionRequest request, ServerCallContext context)
    {
        var service = Authenticate(context.RequestHeaders.GetValue(ServiceAssertionProvider.CredentialHeader));
        if (service is null)
        {
            logger.LogWarning("Refused a service credential from {Peer}", context.Peer);
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Unknown service credential."));
        }

        if (string.IsNullOrWhiteSpace(request.Audience))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The audience is required."));
        }

        var principal = new Principal
        {
            TenantId = request.TenantId,
            PrincipalId = service,
            Kind = "service",
            OnBehalfOf = request.OnBehalfOf,
        };
        return await issuer.IssueAsync(principal, request.Audience, context.CancellationToken);
    }

    private string? Authenticate(string? header)
    {
        var separator = header?.IndexOf(':') ?? -1;
        if (separator <= 0)
        {
            return null;
        }

        var name = header![..separator];
        if (!options.Value.ServiceCredentials.TryGetValue(name, out var expectedHex) || expectedHex.Length != 64)
        {
            return null;
        }

        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(header[(separator + 1)..]));
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromHexString(expectedHex)) ? name : null;
    }
}
