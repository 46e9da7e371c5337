namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Duplicate">The knowledge base held this content already: nothing was stored, and the ids are the existing ones.</param>
public sealed record UploadAcceptedDto(string DocumentId, long Version, string JobId, string JobUrl, bool Duplicate, IngestionJobDto? Job);
