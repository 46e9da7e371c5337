namespace SecureRag.Hosting.Orchestration;

/// <summary>The facts of <c>/proc/{pid}/stat</c> the orchestrator uses.</summary>
/// <param name="Id">The process id.</param>
/// <param name="State">R, S, D, Z, T, …</param>
/// <param name="ParentId">The parent's id.</param>
/// <param name="ProcessGroup">The process group id.</param>
/// <param name="StartTime">Start time in clock ticks after boot: with the id, it names a process uniquely.</param>
internal sealed record ProcStat(int Id, char State, int ParentId, int ProcessGroup, long StartTime);
