using System.Runtime.InteropServices;

namespace SecureRag.Hosting.Orchestration;

/// <summary>The few POSIX calls .NET does not expose: sending a chosen signal, changing a file's owner.</summary>
internal static partial class LibC
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    /// <summary>Sends <paramref name="signal"/> to a process (or, with a negative id, to a process group).</summary>
    /// <returns>Whether a process received it.</returns>
    public static bool TrySignal(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsRoot => GetEffectiveUserId() == 0;
}
