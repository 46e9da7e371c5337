namespace SecureRag.Hosting;

/// <summary>What a one-off run of a project's build output ended with.</summary>
/// <param name="ExitCode">The exit code (128 + signal when a signal ended it).</param>
/// <param name="Output">The last lines it wrote, standard output and error interleaved as read.</param>
public sealed record ProjectCommandResult(int ExitCode, IReadOnlyList<string> Output);
