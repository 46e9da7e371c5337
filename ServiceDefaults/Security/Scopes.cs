namespace SecureRag.ServiceDefaults.Security;

/// <summary>What an API key may be used for. A user signed in through OIDC holds all three; a key only its own.</summary>
public static class Scopes
{
    public const string Query = "query";
    public const string Ingest = "ingest";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Query, Ingest, Admin];
}
