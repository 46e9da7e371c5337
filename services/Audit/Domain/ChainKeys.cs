using System.Security.Cryptography;
using System.Text;

namespace SecureRag.Audit.Domain;

/// <summary>
/// The two keys derived from the configured chain key (HKDF, one label each), so a checkpoint signature can never
/// be replayed as a record HMAC or the other way round.
/// </summary>
public sealed class ChainKeys
{
    public const int MinimumKeyBytes = 32;

    private ChainKeys(byte[] records, byte[] checkpoints)
    {
        Records = records;
        Checkpoints = checkpoints;
    }

    public byte[] Records { get; }

    public byte[] Checkpoints { get; }

    public static ChainKeys Derive(byte[] chainKey)
    {
        if (chainKey.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The chain key needs at least {MinimumKeyBytes} bytes.", nameof(chainKey));
        }

        return new ChainKeys(
            HKDF.DeriveKey(HashAlgorithmName.SHA256, chainKey, 32, info: Encoding.UTF8.GetBytes("securerag.audit.records.v1")),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, chainKey, 32, info: Encoding.UTF8.GetBytes("securerag.audit.checkpoints.v1")));
    }

    /// <summary>
    /// A fixed key for Development only: anyone can recompute it, so it proves nothing. Outside Development the
    /// service refuses to start without a configured key.
    /// </summary>
    public static byte[] DevelopmentKey() =>
        SHA256.HashData(Encoding.UTF8.GetBytes("securerag.audit.development-only.not-a-secret"));
}
