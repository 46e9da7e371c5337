using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Auth;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Obtains service assertions from Auth for work that outlives a request (consumers, retries): the assertion names
/// this service and the principal it acts for, and is kept until shortly before it expires.
/// </summary>
public sealed class ServiceAssertionProvider(
    ServiceTokens.ServiceTokensClient auth,
    IOptions<ServiceIdentityOptions> identity,
    TimeProvider time)
{
    /// <summary>The metadata header carrying <c>name:secret</c> to Auth.</summary>
    public const string CredentialHeader = "x-service-credential";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(string Audience, string Tenant, string OnBehalfOf), Assertion> _assertions = new();

    /// <summary>Call headers with an assertion for <paramref name="audience"/>, acting for a principal of a tenant.</summary>
    public async Task<Metadata> GetHeadersAsync(string audience, string tenantId, string onBehalfOf, CancellationToken cancellationToken)
    {
        var key = (audience, tenantId, onBehalfOf);
        if (!_assertions.TryGetValue(key, out var assertion) || assertion.ExpiresAt.ToDateTimeOffset() - RenewBefore < time.GetUtcNow())
        {
            var options = identity.Value;
            if (string.IsNullOrEmpty(options.Secret))
            {
                throw new InvalidOperationException("This service has no ServiceIdentity:Secret, so it cannot obtain service assertions.");
            }

            assertion = await auth.IssueServiceAssertionAsync(
                new IssueServiceAssertionRequest { Audience = audience, TenantId = tenantId, OnBehalfOf = onBehalfOf },
                new Metadata { { CredentialHeader, $"{options.Name}:{options.Secret}" } },
                cancellationToken: cancellationToken);
            _assertions[key] = assertion;
        }

        return AssertionMetadata.For(assertion.Token);
    }
}
