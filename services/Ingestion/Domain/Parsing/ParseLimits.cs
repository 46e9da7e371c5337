using System.ComponentModel.DataAnnotations;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// Bounds on what one document may make the parsers do, so a hostile file (zip bomb, compressed-stream bomb, deeply
/// nested JSON) fails fast with bounded memory instead of exhausting the process. Section <c>Ingestion:Limits</c>.
/// </summary>
public sealed class ParseLimits
{
    /// <summary>The largest upload accepted (default 50 MB).</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A .docx (a zip): the most all its entries may expand to together.</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxExpandedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A .docx: the most entries its zip may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxZipEntries { get; set; } = 2_000;

    /// <summary>A PDF: the most one compressed stream may expand to.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxPdfStreamBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>A PDF: the most all decoding of its streams may produce together.</summary>
    [Range(1024, 16L * 1024 * 1024 * 1024)]
    public long MaxPdfDecodedBytes { get; set; } = 1024L * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 50_000;

    /// <summary>The most text one document may yield (characters, after extraction).</summary>
    [Range(1, int.MaxValue)]
    public long MaxExtractedChars { get; set; } = 128L * 1024 * 1024;

    [Range(1, 1_000)]
    public int MaxJsonDepth { get; set; } = 64;
}
