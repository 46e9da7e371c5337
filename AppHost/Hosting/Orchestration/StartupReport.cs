using System.Text;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Explains which resources are not healthy, with the tail of their console output.</summary>
internal static class StartupReport
{
    private const int TailLines = 15;

    public static string Describe(IReadOnlyList<ResourceSnapshot> resources, ResourceConsoleLogs consoleLogs)
    {
        var text = new StringBuilder(string.Join(", ", resources.Select(r => $"{r.Name} ({r.State}{(r.Message is null ? "" : ": " + r.Message)})")));
        foreach (var resource in resources.Where(r => r.State is not ResourceState.Waiting))
        {
            var tail = consoleLogs.Tail(resource.Name, TailLines);
            text.AppendLine().Append("--- last console output of ").Append(resource.Name).Append(" ---");
            foreach (var line in tail)
            {
                text.AppendLine().Append('[').Append(line.Instance).Append("] ").Append(line.Text);
            }

            if (tail.Count == 0)
            {
                text.AppendLine().Append("(none)");
            }
        }

        return text.ToString();
    }
}
