namespace SecureRag.Audit.Domain;

/// <summary>PostgreSQL keeps timestamps to the microsecond; .NET to 100 ns.</summary>
public static class Microseconds
{
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static long SinceEpoch(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}
