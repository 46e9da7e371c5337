namespace SecureRag.Inference.Domain;

/// <summary>The embedded models, available with no runtime and no download.</summary>
public static class BuiltInModels
{
    /// <summary>The deterministic extractive generator.</summary>
    public const string Extractive = "extractive";

    /// <summary>The hashed n-gram embedder.</summary>
    public const string Hashed = "hashed";

    public static bool IsBuiltIn(string name) =>
        string.Equals(name, Extractive, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, Hashed, StringComparison.OrdinalIgnoreCase);
}
