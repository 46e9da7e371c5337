using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Security;

/// <summary>
/// The authenticated caller of a Gateway request, as Auth vouched for it: the principal, the credential used, the
/// limits that apply, and the signed assertions the Gateway attaches to downstream calls (one per audience).
/// </summary>
/// <param name="ApiKeyId">The API key used, when the credential was a key.</param>
/// <param name="UserId">The end user, when a user token was presented (alone or with an app's key).</param>
/// <param name="Limits">The limits Auth resolved; null when it gave none, and the Gateway's default plan applies.</param>
public sealed record GatewayCaller(
    CallerPrincipal Principal,
    string? ApiKeyId,
    string? UserId,
    RateLimits? Limits,
    IReadOnlyDictionary<string, string> Assertions);
