using System.Collections.Concurrent;
using System.Security.Cryptography;
using Google.Protobuf;
using SecureRag.Contracts.Auth;

namespace SecureRag.Auth.Assertions;

/// <summary>
/// The assertions signed lately, handed out again for the same principal, audience and signing key while at least
/// half their life is left. What an assertion says depends only on those three, so a changed role or group misses and
/// is signed anew.
/// </summary>
public sealed class IssuedAssertions(TimeSpan lifetime)
{
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, Assertion> _issued = new(StringComparer.Ordinal);

    public bool TryReuse(Principal principal, string audience, string keyId, DateTimeOffset now, out Assertion assertion) =>
        _issued.TryGetValue(KeyOf(principal, audience, keyId), out assertion!)
        && assertion.ExpiresAt.ToDateTimeOffset() - now >= lifetime / 2;

    public void Remember(Principal principal, string audience, string keyId, Assertion assertion)
    {
        if (_issued.Count >= MaxRemembered)
        {
            _issued.Clear();
        }

        _issued[KeyOf(principal, audience, keyId)] = assertion;
    }

    private static string KeyOf(Principal principal, string audience, string keyId) =>
        $"{audience}\n{keyId}\n{Convert.ToBase64String(SHA256.HashData(principal.ToByteArray()))}";
}
