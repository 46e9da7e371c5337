using System.Collections.Concurrent;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Every secret value a <see cref="SecretStore"/> handed out in this process, so that whatever shows configuration to
/// a person (the dashboard's environment view) can mask a secret wherever it appears, also inside a connection string.
/// </summary>
internal static class KnownSecrets
{
    /// <summary>Shorter values are not remembered: a fixed user name such as <c>securerag</c> is no secret.</summary>
    public const int MinimumLength = 16;

    private static readonly ConcurrentDictionary<string, byte> Values = new(StringComparer.Ordinal);

    public static string Remember(string value)
    {
        if (value.Length >= MinimumLength)
        {
            Values.TryAdd(value, 0);
        }

        return value;
    }

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Values.Keys;
}
