namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>A save based on a version that is no longer the latest.</summary>
public sealed class PolicyVersionConflictException(int expected, int latest)
    : Exception($"The policy changed: the edit started from version {expected}, the latest is {latest}; reload and retry.")
{
    public int Expected { get; } = expected;

    public int Latest { get; } = latest;
}
