using System.ComponentModel.DataAnnotations;

namespace SecureRag.Gateway.Apis;

/// <summary>Document uploads through the Gateway (section <c>Gateway:Uploads</c>).</summary>
public sealed class DocumentUploadOptions
{
    public const string SectionName = "Gateway:Uploads";

    /// <summary>The largest file accepted (default 50 MB); keep it equal to Ingestion's <c>Ingestion:Limits:MaxDocumentBytes</c>.</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Room for the multipart framing and form fields on top of the file.</summary>
    [Range(0, 16 * 1024 * 1024)]
    public long MultipartOverheadBytes { get; set; } = 1024 * 1024;

    /// <summary>Bytes per message of the stream to Ingestion.</summary>
    [Range(4 * 1024, 1024 * 1024)]
    public int MessageBytes { get; set; } = 64 * 1024;
}
