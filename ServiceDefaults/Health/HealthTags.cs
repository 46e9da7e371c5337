namespace SecureRag.ServiceDefaults.Health;

/// <summary>Tags that decide which health endpoint runs a check.</summary>
public static class HealthTags
{
    /// <summary>Runs on <c>/alive</c> as well as <c>/health</c>: the process itself, never a dependency.</summary>
    public const string Live = "live";
}
