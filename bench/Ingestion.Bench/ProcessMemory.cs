using System.Globalization;

namespace SecureRag.Ingestion.Bench;

/// <summary>Resident memory of a process from /proc: the current (VmRSS) and the peak since it started (VmHWM).</summary>
public static class ProcessMemory
{
    public static double? PeakMegabytes(int pid) => Read(pid, "VmHWM:");

    public static double? CurrentMegabytes(int pid) => Read(pid, "VmRSS:");

    /// <summary>The Ingestion service's process: a dotnet process whose command line names its assembly.</summary>
    public static int? FindIngestion()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (command.Contains("Ingestion.dll", StringComparison.Ordinal) && !command.Contains("Bench", StringComparison.Ordinal)
                    && !command.Contains("Tests", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private static double? Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
