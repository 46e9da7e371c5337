namespace SecureRag.Auth.Domain;

/// <param name="Scope">A knowledge base id for approver and editor, or empty for tenant-wide.</param>
public sealed record RoleGrant(string Role, string Scope);
