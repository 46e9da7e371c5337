namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Scope">A knowledge base id for approver and editor; null for tenant-wide.</param>
public sealed record RoleDto(string Role, string? Scope = null);
