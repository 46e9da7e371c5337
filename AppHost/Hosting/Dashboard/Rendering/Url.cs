using System.Text;

namespace SecureRag.Hosting.Dashboard.Rendering;

/// <summary>Builds the dashboard's own links: a path and its query, every value escaped.</summary>
internal static class Url
{
    public static string Of(string path, params (string Name, string? Value)[] query)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }

    public static string Trace(string traceId) => "/traces/" + Uri.EscapeDataString(traceId);
}
