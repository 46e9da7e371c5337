namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Exponential back-off for restarting crashed projects: <see cref="AppHostOptions.RestartDelay"/> doubled for each
/// crash in a row, at most <see cref="AppHostOptions.MaxRestartDelay"/>. A process that stayed healthy for
/// <see cref="StableAfter"/> starts the count again.
/// </summary>
internal static class RestartBackoff
{
    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(30);

    /// <summary>How many crashes in a row this one makes.</summary>
    public static int CrashesInARow(int previous, DateTimeOffset? healthyAt, DateTimeOffset now) =>
        healthyAt is { } since && now - since >= StableAfter ? 1 : previous + 1;

    public static TimeSpan Delay(AppHostOptions options, int crashesInARow)
    {
        var factor = Math.Pow(2, Math.Clamp(crashesInARow - 1, 0, 16));
        var delay = TimeSpan.FromTicks((long)(options.RestartDelay.Ticks * factor));
        return delay < options.MaxRestartDelay ? delay : options.MaxRestartDelay;
    }
}
