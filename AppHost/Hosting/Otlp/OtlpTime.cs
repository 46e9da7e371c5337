namespace SecureRag.Hosting.Otlp;

/// <summary>OTLP timestamps are nanoseconds since the Unix epoch (fixed64).</summary>
internal static class OtlpTime
{
    private const ulong NanosecondsPerTick = 100;

    // ulong.MaxValue nanoseconds is about year 2554, well inside DateTimeOffset's range, so this cannot overflow.
    public static DateTimeOffset FromUnixNanoseconds(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / NanosecondsPerTick));
}
