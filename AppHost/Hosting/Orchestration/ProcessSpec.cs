namespace SecureRag.Hosting.Orchestration;

/// <summary>What to run for a resource instance.</summary>
internal sealed record ProcessSpec
{
    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public required string WorkingDirectory { get; init; }

    /// <summary>Variables to set (a null value removes an inherited one).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Inherited variables with these prefixes are removed before <see cref="Environment"/> is applied.</summary>
    public IReadOnlyList<string> RemoveInheritedPrefixes { get; init; } = [];

    /// <summary>The OS user to run as (the AppHost must be root); the AppHost's own user when null.</summary>
    public string? UserName { get; init; }
}
