namespace SecureRag.Audit.Domain;

/// <param name="NextBefore">The sequence to continue below; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, long? NextBefore);
