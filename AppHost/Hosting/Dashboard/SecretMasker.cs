using System.Text.RegularExpressions;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Dashboard;

/// <summary>
/// Masks secrets in the environment the dashboard shows, three ways, so one rule missing a case does not leak it:
/// a variable named like a secret is masked whole; a password inside a connection string or a URI is masked; and any
/// secret the AppHost generated is masked wherever it appears.
/// </summary>
internal static partial class SecretMasker
{
    public const string Mask = "••••••••";

    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "credential", "privatekey", "apikey", "cookie"];
    private static readonly string[] NotSecretSuffixes = ["path", "file", "directory", "dir", "url", "uri", "endpoint", "issuer", "name"];

    public static string? MaskValue(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (IsSecretName(name))
        {
            return Mask;
        }

        var masked = KeyValuePassword().Replace(value, m => m.Groups["key"].Value + Mask);
        masked = UriPassword().Replace(masked, m => m.Groups["user"].Value + ":" + Mask + "@");
        foreach (var secret in KnownSecrets.All)
        {
            if (masked.Contains(secret, StringComparison.Ordinal))
            {
                masked = masked.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return masked;
    }

    /// <summary>
    /// Whether a variable's name says it holds a secret: a segment (between <c>__</c> or <c>:</c>) that names a
    /// password, secret, token or credential, or ends in <c>Key</c> (<c>Audit__ChainKey</c>); but not a segment that
    /// names where a secret is kept (<c>…CredentialPath</c>).
    /// </summary>
    public static bool IsSecretName(string name)
    {
        var segments = name.Split(["__", ":"], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return false;
        }

        var last = segments[^1].ToLowerInvariant();
        if (NotSecretSuffixes.Any(suffix => last.EndsWith(suffix, StringComparison.Ordinal)))
        {
            return false;
        }

        return segments.Any(segment =>
        {
            var lower = segment.ToLowerInvariant();
            return SecretWords.Any(word => lower.Contains(word, StringComparison.Ordinal)) || lower.EndsWith("key", StringComparison.Ordinal);
        });
    }

    // Password=…; Pwd=…; password=… (Npgsql, StackExchange.Redis, ADO.NET), up to the next ';' or ','.
    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*=\s*)[^;,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePassword();

    // scheme://user:password@host
    [GeneratedRegex(@"(?<user>[a-z][a-z0-9+.-]*://[^:/@\s]*):[^@/\s]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();
}
