using System.Security.Cryptography;

namespace SecureRag.Auth.Infrastructure;

/// <summary>Reads a base64 key from configuration; in Development a missing key is replaced by a random one.</summary>
internal static class SecretKey
{
    public static byte[] Load(string configured, string name, bool isDevelopment, int minBytes, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= minBytes
                ? bytes
                : throw new InvalidOperationException($"Auth:{name} must be at least {minBytes} bytes.");
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException($"Auth:{name} is required outside Development.");
        }

        logger.LogWarning("Auth:{Name} is not configured; using a random key for this process only", name);
        return RandomNumberGenerator.GetBytes(minBytes);
    }
}
