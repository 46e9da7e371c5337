using System.ComponentModel.DataAnnotations;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>Chunk sizes in cl100k tokens (section <c>Ingestion:Chunking</c>).</summary>
public sealed class ChunkingOptions : IValidatableObject
{
    /// <summary>The most tokens in one chunk, overlap included.</summary>
    [Range(32, 8192)]
    public int ChunkTokens { get; set; } = 400;

    /// <summary>How much of the previous chunk a chunk repeats when a section continues, at a sentence boundary where possible.</summary>
    [Range(0, 4096)]
    public int OverlapTokens { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OverlapTokens * 2 > ChunkTokens)
        {
            yield return new ValidationResult("OverlapTokens must be at most half of ChunkTokens.", [nameof(OverlapTokens)]);
        }
    }
}
