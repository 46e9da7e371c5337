using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>
/// Packs a document's blocks into chunks of at most <see cref="ChunkingOptions.ChunkTokens"/> cl100k tokens, lazily.
/// A heading always starts a new chunk (so each chunk has one heading path); a block that fits in a chunk is never
/// split (it moves to the next chunk instead); a block larger than a chunk is split at rows, list items or sentences
/// (a single over-long sentence at a token boundary), and a table's header row is repeated in each chunk it spans.
/// When a section continues into a new chunk, the chunk starts with the end of the previous one (the overlap).
/// </summary>
public sealed class StructureChunker(ITokenCounter tokens, ChunkingOptions options)
{
    /// <summary>What separates blocks in the normalised document text that chunk offsets refer to.</summary>
    public const string BlockSeparator = "\n\n";

    public IEnumerable<Chunk> Split(IEnumerable<Block> blocks)
    {
        var assembler = new ChunkAssembler(tokens, options);
        var offset = 0;
        foreach (var block in blocks)
        {
            foreach (var chunk in assembler.Add(block, offset))
            {
                yield return chunk;
            }

            offset += block.Text.Length + BlockSeparator.Length;
        }

        foreach (var chunk in assembler.Finish())
        {
            yield return chunk;
        }
    }
}
