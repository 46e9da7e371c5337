using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Records the AppHost's child process groups in the data directory, so that the next AppHost can stop what a
/// previous one left behind when it was killed (SIGKILL gives it no chance to clean up).
/// </summary>
internal sealed class PidRegistry(string path, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Entry> _entries = [];

    /// <summary>Records a child that leads its own group; <paramref name="stopSignal"/> stops it gracefully.</summary>
    public void Add(int pid, int stopSignal, string name)
    {
        if (ProcFs.Stat(pid) is not { } stat)
        {
            return;
        }

        lock (_gate)
        {
            _entries[pid] = new Entry(pid, stat.StartTime, stopSignal, name);
            Save();
        }
    }

    public void Remove(int pid)
    {
        lock (_gate)
        {
            if (_entries.Remove(pid))
            {
                Save();
            }
        }
    }

    /// <summary>Stops the process groups recorded by a previous AppHost on this data directory.</summary>
    public async Task CleanUpOrphansAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var orphans = (await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
            .Select(Entry.TryParse).OfType<Entry>().ToList();
        var live = orphans.Where(e => Members(e).Count > 0).ToList();
        foreach (var entry in live)
        {
            logger.LogWarning("Stopping {Name} (pid {Pid}) left behind by a previous AppHost", entry.Name, entry.Pid);
            if (IsSameProcess(entry))
            {
                LibC.TrySignal(entry.Pid, entry.StopSignal);
            }
        }

        var deadline = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (live.Any(e => IsSameProcess(e)) && timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeProvider, cancellationToken).ConfigureAwait(false);
        }

        foreach (var member in live.SelectMany(Members))
        {
            LibC.TrySignal(member.Id, LibC.SigKill);
        }

        File.Delete(path);
    }

    private static bool IsSameProcess(Entry entry) => ProcFs.Stat(entry.Pid) is { } s && s.StartTime == entry.StartTime && s.State != 'Z';

    // The group's members started no earlier than its leader; anything older that shares the id is unrelated.
    private static IReadOnlyList<ProcStat> Members(Entry entry) =>
        [.. ProcFs.GroupMembers(entry.Pid).Where(p => p.StartTime >= entry.StartTime)];

    private void Save()
    {
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, _entries.Values.Select(e => e.ToString()));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Entry(int Pid, long StartTime, int StopSignal, string Name)
    {
        public static Entry? TryParse(string line)
        {
            var parts = line.Split(' ', 4);
            return parts.Length == 4
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var start)
                && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var signal)
                ? new Entry(pid, start, signal, parts[3])
                : null;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTime} {StopSignal} {Name}");
    }
}
