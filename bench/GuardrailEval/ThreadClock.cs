using System.Runtime.InteropServices;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a machine shared with other work, wall
/// time measures the queue for the CPU as much as the code; CPU time measures the code.
/// </summary>
public static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3;

    public static long NowNanoseconds()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCpuTime, out var spec) != 0)
        {
            return 0;
        }

        return spec.Seconds * 1_000_000_000 + spec.Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int clock_gettime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
