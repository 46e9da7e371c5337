using System.Security.Cryptography;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Credentials generated at the first start and kept in a folder (mode 0700) beside a server's data, one file (mode
/// 0600) per secret, so the next start reuses them. They are never logged.
/// </summary>
internal sealed class SecretStore(string directory)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static readonly Lock CreationGate = new();

    /// <summary>Whether the secret exists already.</summary>
    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>The stored secret, or a new random one (32 characters, about 186 bits) stored now.</summary>
    public string GetOrCreate(string name, Func<string>? generate = null)
    {
        // Replicas start in parallel and may ask for the same new secret at once.
        lock (CreationGate)
        {
            return GetOrCreateUnsafe(name, generate);
        }
    }

    private string GetOrCreateUnsafe(string name, Func<string>? generate)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            return Remember(File.ReadAllText(path).Trim(), generate);
        }

        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var value = generate?.Invoke() ?? NewPassword();
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(value);
        }

        return Remember(value, generate);
    }

    // A value of a custom generator is an identifier (a user or node name), not a secret to mask.
    private static string Remember(string value, Func<string>? generate) => generate is null ? KnownSecrets.Remember(value) : value;

    /// <summary>A random password of URI- and connection-string-safe characters.</summary>
    public static string NewPassword(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    private string PathOf(string name) => Path.Combine(directory, name);
}
