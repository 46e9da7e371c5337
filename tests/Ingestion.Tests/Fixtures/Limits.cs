using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Tests.Fixtures;

public static class Limits
{
    public static ParseLimits Default => new();

    /// <summary>Small bounds, so bomb fixtures stay small and fast to build.</summary>
    public static ParseLimits Tight => new()
    {
        MaxDocumentBytes = 8L * 1024 * 1024,
        MaxExpandedBytes = 32L * 1024 * 1024,
        MaxZipEntries = 500,
        MaxPdfStreamBytes = 8L * 1024 * 1024,
        MaxPdfDecodedBytes = 64L * 1024 * 1024,
    };
}
