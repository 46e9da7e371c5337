namespace SecureRag.Auth.Domain;

/// <summary>A user's role grants and the groups they belong to.</summary>
public sealed record UserMembership(IReadOnlyList<RoleGrant> Roles, IReadOnlyList<Guid> GroupIds);
