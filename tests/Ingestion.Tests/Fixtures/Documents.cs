using System.Text;
using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Tests.Fixtures;

/// <summary>Runs the real reader (detection, parser, normaliser) and chunker over in-memory files.</summary>
public static class Documents
{
    public static readonly ITokenCounter Tokens = new Cl100kTokenCounter();

    private static readonly DocumentReader Reader = new(DocumentReader.BuiltInParsers());

    public static IReadOnlyList<Block> Read(byte[] content, string fileName, ParseLimits? limits = null, string? contentType = null)
    {
        using var stream = new MemoryStream(content, writable: false);
        var format = DocumentReader.Detect(stream, fileName, contentType);
        return [.. Reader.Read(stream, format, limits ?? Limits.Default, TestContext.Current.CancellationToken)];
    }

    public static IReadOnlyList<Block> Read(string content, string fileName) => Read(Encoding.UTF8.GetBytes(content), fileName);

    public static IReadOnlyList<Chunk> Chunk(IEnumerable<Block> blocks, int chunkTokens = 400, int overlapTokens = 50) =>
        [.. new StructureChunker(Tokens, new ChunkingOptions { ChunkTokens = chunkTokens, OverlapTokens = overlapTokens }).Split(blocks)];

    public static DocumentRejectedException Rejection(byte[] content, string fileName, ParseLimits? limits = null, string? contentType = null) =>
        Assert.Throws<DocumentRejectedException>(() => Read(content, fileName, limits, contentType));
}
