using System.Text.Json;
using SecureRag.Retrieval.Domain.Indexing;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>Version metadata as jsonb, with the documents table's column names as keys (for jsonb_to_record).</summary>
internal static class MetadataJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(DocumentMetadataRecord metadata) => JsonSerializer.Serialize(metadata, Options);
}
