using System.Diagnostics;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// A child process in a session and process group of its own (via <c>setsid</c>, which execs in place so the pid is
/// the program's): a Ctrl+C in the AppHost's terminal reaches only the AppHost, which then stops the children in order,
/// and whatever the child forked can be killed with the group.
/// </summary>
internal sealed class ManagedProcess : IDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process, bool ownsGroup)
    {
        _process = process;
        OwnsGroup = ownsGroup;
    }

    public int Id { get; private set; }

    /// <summary>Whether the process leads its own process group (whose id is <see cref="Id"/>).</summary>
    public bool OwnsGroup { get; }

    /// <summary>Completes with the exit code (128 + signal when a signal ended it).</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ManagedProcess Start(ProcessSpec spec, Action<string, bool> onLine)
    {
        var ownsGroup = File.Exists(SetSid);
        var startInfo = new ProcessStartInfo
        {
            FileName = ownsGroup ? SetSid : spec.FileName,
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (ownsGroup)
        {
            startInfo.ArgumentList.Add(spec.FileName);
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var key in startInfo.Environment.Keys.Where(k => spec.RemoveInheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        if (spec.UserName is not null)
        {
            startInfo.UserName = spec.UserName;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, ownsGroup);
        process.OutputDataReceived += (_, e) => Forward(e.Data, false);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, true);
        process.Exited += (_, _) => managed._exited.TrySetResult(SafeExitCode(process));
        process.Start();
        managed.Id = process.Id;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;

        void Forward(string? line, bool isError)
        {
            if (line is not null)
            {
                onLine(line, isError);
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> to the process itself.</summary>
    public void Signal(int signal)
    {
        if (!HasExited)
        {
            LibC.TrySignal(Id, signal);
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/>, waits up to <paramref name="timeout"/> for the exit, kills the process when it
    /// is late, then kills whatever is left of its process group.
    /// </summary>
    /// <returns>Whether it exited within the timeout.</returns>
    public async Task<bool> StopAsync(int signal, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var graceful = true;
        if (!HasExited)
        {
            LibC.TrySignal(Id, signal);
            try
            {
                await Exited.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                graceful = false;
                KillGroup();
                LibC.TrySignal(Id, LibC.SigKill);
                await Exited.WaitAsync(TimeSpan.FromSeconds(10), timeProvider, CancellationToken.None).ConfigureAwait(false);
            }
        }

        KillGroup();
        return graceful;
    }

    /// <summary>Kills every process left in the group (workers and helpers that outlive their leader).</summary>
    public void KillGroup()
    {
        // Linux does not hand out a pid that is still some group's id, so the group is still ours.
        if (OwnsGroup && Id > 0)
        {
            LibC.TrySignal(-Id, LibC.SigKill);
        }
    }

    /// <summary>Completes once the process has exited and its output has been read to the end.</summary>
    public Task WaitForExitAndOutputAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose() => _process.Dispose();

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
