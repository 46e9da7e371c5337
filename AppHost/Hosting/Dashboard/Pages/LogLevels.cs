namespace SecureRag.Hosting.Dashboard.Pages;

/// <summary>OTLP severity numbers as levels: 1-4 trace, 5-8 debug, 9-12 information, 13-16 warning, 17-20 error, 21-24 critical.</summary>
internal static class LogLevels
{
    public static readonly (string Name, int MinimumSeverity)[] All =
    [
        ("Trace", 1), ("Debug", 5), ("Information", 9), ("Warning", 13), ("Error", 17), ("Critical", 21),
    ];

    public static string Of(int severityNumber, string? severityText) => severityNumber switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => severityText ?? "Unspecified",
    };

    /// <summary>The lowest severity number of a level name; 0 (everything) for an unknown or empty name.</summary>
    public static int MinimumOf(string? level) =>
        All.FirstOrDefault(l => string.Equals(l.Name, level, StringComparison.OrdinalIgnoreCase)).MinimumSeverity;
}
