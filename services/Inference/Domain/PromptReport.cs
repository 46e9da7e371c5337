namespace SecureRag.Inference.Domain;

/// <summary>What went into the prompt, so nothing is dropped or shortened silently.</summary>
public sealed record PromptReport(
    IReadOnlyList<string> IncludedPassageIds,
    IReadOnlyList<string> DroppedPassageIds,
    IReadOnlyList<string> TruncatedPassageIds,
    int DroppedTurns)
{
    public static PromptReport AllOf(IReadOnlyList<Passage> passages) =>
        new([.. passages.Select(p => p.Id)], [], [], 0);
}
