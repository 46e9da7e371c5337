using System.Globalization;
using SecureRag.Hosting;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>
/// How much a platform process's resident memory grows during an action: the kernel's peak (VmHWM, reset first through
/// /proc/PID/clear_refs) less the resident size before, so a short spike that was freed again still counts.
/// </summary>
public sealed class ResidentMemory
{
    private readonly int _pid;
    private readonly double _before;

    private ResidentMemory(int pid)
    {
        _pid = pid;
        // "5" resets the peak resident size to the current one (Linux 4.0 and later).
        File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        _before = Read(pid, "VmRSS:");
    }

    /// <summary>Starts watching one instance of a platform resource (<c>gateway</c> replica 0, <c>ingestion</c>).</summary>
    public static ResidentMemory Watch(DistributedApplication app, string resource, int replica = 0) =>
        new(app.ResourceNotifications.GetSnapshot(resource).Instances[replica].ProcessId
            ?? throw new InvalidOperationException($"{resource} has no running process."));

    /// <summary>Megabytes the peak rose above the resident size at the start.</summary>
    public double GrowthMegabytes => Read(_pid, "VmHWM:") - _before;

    private static double Read(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}
