using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Retrieval.Domain.Access;

/// <summary>
/// The entries of document and knowledge-base access lists (see retrieval.proto): <c>user:&lt;id&gt;</c>,
/// <c>group:&lt;id&gt;</c>, <c>app:&lt;id&gt;</c> and <c>tenant:*</c>. A principal reads a list when one of its own
/// keys is in it.
/// </summary>
public static class AccessEntries
{
    public const string Everyone = "tenant:*";
    public const int MaxLength = 300;

    private static readonly string[] Prefixes = ["user:", "group:", "app:"];

    public static bool IsValid(string entry) =>
        entry == Everyone
        || (entry.Length <= MaxLength && Prefixes.Any(p => entry.Length > p.Length && entry.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>
    /// The keys a verified caller matches. A user matches its id and groups; every caller matches its app and the
    /// tenant-wide entry. An API key (kind ApiKey) has no user or groups, so it reads only what is shared with its
    /// app or with the whole tenant.
    /// </summary>
    public static string[] KeysOf(CallerPrincipal caller)
    {
        var keys = new List<string>(caller.GroupIds.Count + 3) { Everyone };
        if (caller.Kind == PrincipalKind.User)
        {
            keys.Add("user:" + caller.PrincipalId);
            keys.AddRange(caller.GroupIds.Select(g => "group:" + g));
        }

        if (!string.IsNullOrEmpty(caller.AppId))
        {
            keys.Add("app:" + caller.AppId);
        }

        return [.. keys.Distinct(StringComparer.Ordinal)];
    }
}
