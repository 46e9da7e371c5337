namespace SecureRag.Hosting.ApplicationModel;

/// <summary>One line that a resource's process wrote to its console.</summary>
/// <param name="Timestamp">When the AppHost read it.</param>
/// <param name="Instance">The instance that wrote it (<c>gateway-0</c>).</param>
/// <param name="Text">The line, without its end-of-line.</param>
/// <param name="IsError">Whether it came from standard error.</param>
public sealed record ConsoleLine(DateTimeOffset Timestamp, string Instance, string Text, bool IsError)
{
    /// <summary>The resource the instance belongs to (<c>gateway</c>).</summary>
    public string Resource { get; init; } = Instance;

    /// <summary>The order in which the AppHost read the lines of all instances: each line's is greater than the one before.</summary>
    public long Sequence { get; init; }
}
