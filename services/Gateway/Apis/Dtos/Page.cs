namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="NextPageToken">Pass as <c>page_token</c> for the next page; null on the last.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
