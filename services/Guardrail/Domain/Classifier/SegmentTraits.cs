namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>Where a segment sits in its chunk and how it reads; fed to the context classifier as extra features.</summary>
[Flags]
public enum SegmentTraits
{
    None = 0,
    TableRow = 1,
    ProseInTable = 2,
    InCodeFence = 4,
    ProseInCode = 8,
    Question = 16,
    Imperative = 32,
    AddressesReader = 64,
    Standalone = 128,

    /// <summary>The chunk is nothing but this one question or instruction (BIPIA's bare payloads).</summary>
    SoleInstruction = 256,
}
