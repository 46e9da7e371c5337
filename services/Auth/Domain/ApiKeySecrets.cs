using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SecureRag.Auth.Infrastructure;

namespace SecureRag.Auth.Domain;

/// <summary>
/// API key secrets: <c>sr_</c> and 256 random bits, shown once; stored only as an HMAC-SHA256 digest keyed with a
/// secret held outside the database, so a stolen table cannot be used or brute-forced offline.
/// </summary>
public sealed class ApiKeySecrets(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<ApiKeySecrets> logger)
{
    public const string Prefix = "sr_";
    private const int VisibleCharacters = 10;

    private readonly Lazy<byte[]> _digestKey = new(() => SecretKey.Load(
        options.Value.ApiKeyDigestKey, nameof(AuthOptions.ApiKeyDigestKey), environment.IsDevelopment(), 32, logger));

    public static bool LooksLikeKey(string credential) => credential.StartsWith(Prefix, StringComparison.Ordinal);

    public (string Secret, byte[] Digest, string VisiblePrefix) Create()
    {
        var secret = Prefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (secret, Digest(secret), secret[..VisibleCharacters]);
    }

    public byte[] Digest(string secret) => HMACSHA256.HashData(_digestKey.Value, Encoding.UTF8.GetBytes(secret));
}
