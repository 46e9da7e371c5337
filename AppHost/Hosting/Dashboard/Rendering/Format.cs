using System.Globalization;

namespace SecureRag.Hosting.Dashboard.Rendering;

/// <summary>Times and durations as the pages show them (the AppHost machine's local time).</summary>
internal static class Format
{
    public static string Time(DateTimeOffset time) =>
        time.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset time) =>
        time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        <= 0 => "0",
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMicroseconds:0} µs"),
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.00} ms"),
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.0} ms"),
        < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.00} s"),
        _ => Uptime(duration),
    };

    public static string Uptime(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s"),
        < 3_600 => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s"),
        < 86_400 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h"),
    };

    /// <summary>A name's colour class, stable across runs (string.GetHashCode is randomised per process).</summary>
    public static string ColorClass(string name)
    {
        var hash = name.Aggregate(17u, (h, c) => unchecked((h * 31) + c));
        return "c" + (hash % 8).ToString(CultureInfo.InvariantCulture);
    }
}
