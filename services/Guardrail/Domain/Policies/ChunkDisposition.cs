namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>What happens to a blocked context chunk.</summary>
public enum ChunkDisposition
{
    Pass = 1,
    Drop = 2,
    Quarantine = 3,
}
