using System.Buffers;
using System.Text.RegularExpressions;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>
/// Finds secrets: API keys by their published formats, PEM private keys, JWTs, bearer tokens, credentials in
/// assignments (<c>password = ...</c>), and random-looking strings by entropy.
/// </summary>
internal static partial class SecretFinder
{
    private const int MinEntropyLength = 24;
    private const double MinEntropyBits = 4.2;

    private static readonly SearchValues<string> KeyPrefixes = SearchValues.Create(
        ["AKIA", "ASIA", "ABIA", "ACCA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox",
         "hooks.slack.com", "sk-", "sk_", "rk_", "pk_", "AIza", "sr_", "SG.", "npm_", "hf_", "AccountKey="],
        StringComparison.Ordinal);

    // Lower-case, capitalised and upper-case spellings searched ordinally: a case-insensitive multi-string search is
    // several times slower.
    private static readonly SearchValues<string> CredentialWords = SearchValues.Create(
        [.. new[] { "password", "passwd", "pwd", "passcode", "secret", "api_key", "api-key", "apikey", "access_token", "access-token",
            "accesstoken", "auth_token", "auth-token", "authtoken", "client_secret", "client-secret", "private_key", "private-key",
            "token", "bearer" }
            .SelectMany(w => new[] { w, char.ToUpperInvariant(w[0]) + w[1..], w.ToUpperInvariant() })],
        StringComparison.Ordinal);

    public static void Find(string text, SensitiveKinds kinds, List<SensitiveSpan> into)
    {
        if (kinds.HasFlag(SensitiveKinds.PrivateKey) && text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            foreach (Match m in PrivateKeyPattern().Matches(text))
            {
                into.Add(new(RuleIds.PrivateKey, m.Index, m.Length, 0.99, 0, "Private key (PEM)"));
            }
        }

        if (kinds.HasFlag(SensitiveKinds.ApiKey) && text.AsSpan().IndexOfAny(KeyPrefixes) >= 0)
        {
            foreach (Match m in ApiKeyPattern().Matches(text))
            {
                into.Add(new(RuleIds.ApiKey, m.Index, m.Length, 0.95, 2, "API key in a known format"));
            }
        }

        if (!kinds.HasFlag(SensitiveKinds.Token))
        {
            return;
        }

        if (text.Contains("eyJ", StringComparison.Ordinal))
        {
            foreach (Match m in JwtPattern().Matches(text))
            {
                into.Add(new(RuleIds.Token, m.Index, m.Length, 0.95, 1, "JSON Web Token"));
            }
        }

        if (text.AsSpan().IndexOfAny(CredentialWords) >= 0)
        {
            foreach (Match m in CredentialPattern().Matches(text))
            {
                var value = m.Groups["value"];
                into.Add(new(RuleIds.Token, value.Index, value.Length, 0.8, 10, "Credential in an assignment or header"));
            }
        }

        FindHighEntropy(text, into);
    }

    private static void FindHighEntropy(string text, List<SensitiveSpan> into)
    {
        // A run of fewer than 24 characters cannot be 24 long once trailing padding is trimmed.
        var from = 0;
        while (TokenRuns.Next(text, MinEntropyLength, ref from, out var start, out var length))
        {
            var run = text.AsSpan(start, length).TrimEnd('=');
            if (run.Length >= MinEntropyLength && LooksRandom(run))
            {
                into.Add(new(RuleIds.Token, start, run.Length, 0.6, 11, "High-entropy string (likely a key or token)"));
            }
        }
    }

    /// <summary>Upper and lower case and digits, and at least 4.2 bits of entropy per character (hex never has that).</summary>
    private static bool LooksRandom(ReadOnlySpan<char> run) =>
        run.IndexOfAnyInRange('A', 'Z') >= 0 && run.IndexOfAnyInRange('a', 'z') >= 0 && run.IndexOfAnyInRange('0', '9') >= 0
        && Entropy.BitsPerChar(run) >= MinEntropyBits;

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,16384}?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"\b(?:(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|sk-(?:proj-|svcacct-|admin-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{20,}|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|sr_[A-Za-z0-9_-]{32,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,})\b|https://hooks\.slack\.com/services/[A-Za-z0-9/]+|AccountKey=[A-Za-z0-9+/=]{40,}", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"(?i)(?:\b(?:password|passwd|pwd|passcode|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key|token)\b[""']?\s*[:=]\s*[""']?|\bbearer\s+)(?<value>(?![$<{(])[^\s""',;()]{6,})", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();
}
