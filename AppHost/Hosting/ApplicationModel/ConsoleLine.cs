namespace SecureRag.Hosting.ApplicationModel;

/// <summary>One line that a resource's process wrote to its console.</summary>
/// <param name="Timestamp">When the AppHost read it.</param>
/// <param name="Instance">The instance that wrote it (<c>gateway-0</c>).</param>
/// <param name="Text">The line, without its end-of-line.</param>
/// <param name="IsError">Whether it came from standard error.</param>
public sealed record ConsoleLine(DateTimeOffset Timestamp, string Instance, string Text, bool IsError);
