using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SecureRag.Auth.Infrastructure;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Auth.Assertions;

/// <summary>
/// Assertion signing keys, rotated without downtime: the next key is created and published half a rotation before it
/// starts signing, and each key stays published until the last assertion it signed has expired. Private keys are
/// stored encrypted (AES-GCM) with the key-encryption key from configuration. Replicas create keys under an advisory
/// lock, so they agree on one key ring.
/// </summary>
public sealed class SigningKeyStore(
    ServiceDatabase database,
    IOptions<AuthOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SigningKeyStore> logger)
{
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(1);

    private readonly Lazy<byte[]> _keyEncryptionKey = new(() => SecretKey.Load(
        options.Value.KeyEncryptionKey, nameof(AuthOptions.KeyEncryptionKey), environment.IsDevelopment(), 32, logger));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SigningKey> _keys = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    /// <summary>The key that signs now.</summary>
    public async ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await GetKeysAsync(cancellationToken);
        var current = keys.FirstOrDefault(k => k.PrivateKey is not null && k.SignsFrom <= now && now < k.SignsUntil);
        if (current is not null)
        {
            return current;
        }

        // The key-encryption key changed: start a new key now rather than stop issuing assertions.
        await database.InTransactionAsync((session, ct) => CreateKeyAsync(session, now, ct), cancellationToken);
        _loadedAt = DateTimeOffset.MinValue;
        return (await GetKeysAsync(cancellationToken)).Last(k => k.PrivateKey is not null && k.SignsFrom <= now);
    }

    /// <summary>Every key whose assertions may still be presented.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> GetPublishedKeysAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return [.. (await GetKeysAsync(cancellationToken)).Where(k => k.PublishedUntil > now)];
    }

    private async ValueTask<IReadOnlyList<SigningKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _loadedAt < ReloadInterval && _keys.Any(k => k.SignsFrom <= now && now + Rotation / 2 < k.SignsUntil))
        {
            return _keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await database.InTransactionAsync(async (session, ct) =>
            {
                await session.Connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_xact_lock(hashtext('securerag.auth.signing_keys'))", transaction: session.Transaction, cancellationToken: ct));
                var latest = await session.Connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                    "SELECT max(signs_until) FROM signing_keys", transaction: session.Transaction, cancellationToken: ct));
                var end = latest is null ? now : new DateTimeOffset(DateTime.SpecifyKind(latest.Value, DateTimeKind.Utc));
                // Keep one key signing now and the next one published ahead of its turn.
                while (end < now + Rotation)
                {
                    var from = end < now ? now : end;
                    await CreateKeyAsync(session, from, ct);
                    end = from + Rotation;
                }
            }, cancellationToken);

            await using var connection = await database.OpenAsync(cancellationToken);
            var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
                """
                SELECT kid AS KeyId, encrypted_private_key AS EncryptedPrivateKey, public_jwk AS PublicJwk,
                       signs_from AS SignsFrom, signs_until AS SignsUntil, published_until AS PublishedUntil
                FROM signing_keys WHERE published_until > now() ORDER BY signs_from
                """, cancellationToken: cancellationToken));
            _keys = [.. rows.Select(Decrypt)];
            _loadedAt = now;
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private TimeSpan Rotation => options.Value.SigningKeyRotation;

    private async Task CreateKeyAsync(DbSession session, DateTimeOffset signsFrom, CancellationToken cancellationToken)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        var publicJwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X),
            ["y"] = Base64UrlEncoder.Encode(point.Y),
            ["kid"] = kid,
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
        });

        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO signing_keys (kid, encrypted_private_key, public_jwk, signs_from, signs_until, published_until)
            VALUES (@Kid, @Encrypted, @Jwk, @From, @Until, @PublishedUntil)
            """,
            new
            {
                Kid = kid,
                Encrypted = Encrypt(ecdsa.ExportPkcs8PrivateKey()),
                Jwk = publicJwk,
                From = signsFrom,
                Until = signsFrom + Rotation,
                PublishedUntil = signsFrom + Rotation + options.Value.AssertionLifetime,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        logger.LogInformation("Created assertion signing key {KeyId}, signing from {From}", kid, signsFrom);
    }

    private byte[] Encrypt(byte[] plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using var aes = new AesGcm(_keyEncryptionKey.Value, tag.Length);
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
        CryptographicOperations.ZeroMemory(plaintext);
        return [.. nonce, .. tag, .. ciphertext];
    }

    private SigningKey Decrypt(KeyRow row)
    {
        ECDsa? privateKey = null;
        try
        {
            var nonce = row.EncryptedPrivateKey.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
            var tag = row.EncryptedPrivateKey.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
            var ciphertext = row.EncryptedPrivateKey.AsSpan(nonce.Length + tag.Length);
            var plaintext = new byte[ciphertext.Length];
            using var aes = new AesGcm(_keyEncryptionKey.Value, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
            privateKey = ECDsa.Create();
            privateKey.ImportPkcs8PrivateKey(plaintext, out _);
            CryptographicOperations.ZeroMemory(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            // Written under another key-encryption key: still published (others may hold its assertions), never used to sign.
            logger.LogWarning("Signing key {KeyId} cannot be decrypted with the configured key-encryption key", row.KeyId);
        }

        return new SigningKey(row.KeyId, privateKey, row.PublicJwk, Utc(row.SignsFrom), Utc(row.SignsUntil), Utc(row.PublishedUntil));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record KeyRow(string KeyId, byte[] EncryptedPrivateKey, string PublicJwk, DateTime SignsFrom, DateTime SignsUntil, DateTime PublishedUntil);
}
