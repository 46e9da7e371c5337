using System.Text;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>The table of resources printed once everything is up.</summary>
internal static class ResourceTable
{
    public static string Format(IReadOnlyList<ResourceSnapshot> resources, ResourceAddresses addresses, Uri? dashboard = null)
    {
        var rows = new List<string[]> { new[] { "RESOURCE", "TYPE", "STATE", "ENDPOINTS" } };
        foreach (var resource in resources)
        {
            var external = addresses.Servers.TryGetValue(resource.Name, out var server) && server.IsExternal ? " (external)" : "";
            var endpoints = resource.Instances.SelectMany(i => i.Endpoints.Select(e => $"{e.Key}={e.Value.GetLeftPart(UriPartial.Authority)}"));
            rows.Add([resource.Name, resource.ResourceType + external, resource.State.ToString(), string.Join(" ", endpoints)]);
        }

        rows.Add(["otlp", "OTLP/HTTP receiver", "Running", addresses.OtlpEndpoint?.GetLeftPart(UriPartial.Authority) ?? ""]);
        if (dashboard is not null)
        {
            rows.Add(["dashboard", "Dashboard", "Running", dashboard.ToString()]);
        }
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length) + 2).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append("  ");
            for (var c = 0; c < 3; c++)
            {
                text.Append(row[c].PadRight(widths[c]));
            }

            text.AppendLine(row[3]);
        }

        return text.ToString().TrimEnd();
    }
}
