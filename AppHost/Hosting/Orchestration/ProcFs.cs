using System.Globalization;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Reads process facts from Linux's <c>/proc</c>.</summary>
internal static class ProcFs
{
    /// <summary>The process's state, parent, process group and start time (clock ticks after boot), or null when gone.</summary>
    public static ProcStat? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) S ppid pgrp ..." — comm may contain spaces and parentheses, so split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcStat(
            pid,
            fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    /// <summary>Whether the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { State: not 'Z' and not 'X' };

    /// <summary>The process's command line with arguments joined by spaces, or empty.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Every live process.</summary>
    public static IReadOnlyList<ProcStat> All()
    {
        var result = new List<ProcStat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { State: not 'Z' and not 'X' } stat)
            {
                result.Add(stat);
            }
        }

        return result;
    }

    /// <summary>The live members of a process group.</summary>
    public static IReadOnlyList<ProcStat> GroupMembers(int processGroup) => [.. All().Where(p => p.ProcessGroup == processGroup)];

    /// <summary>The live descendants of a process (children, grandchildren, …).</summary>
    public static IReadOnlyList<ProcStat> Descendants(int pid)
    {
        var all = All();
        var result = new List<ProcStat>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(p => p.ParentId == parent))
            {
                result.Add(child);
                frontier.Enqueue(child.Id);
            }
        }

        return result;
    }
}
