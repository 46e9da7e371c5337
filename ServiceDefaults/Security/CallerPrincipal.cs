namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Who is calling, taken from a verified principal or service assertion — never from a request field.
/// </summary>
/// <param name="TenantId">The tenant the credential belongs to; every query is scoped to it.</param>
/// <param name="PrincipalId">The user, API key or service acting.</param>
/// <param name="Kind">What <paramref name="PrincipalId"/> names.</param>
/// <param name="GroupIds">Groups of the user, for document access lists.</param>
/// <param name="Roles">Tenant roles (owner, admin, builder, approver, editor, member).</param>
/// <param name="AppId">The app the call is made through, if any.</param>
/// <param name="Scopes">API-key scopes (query, ingest, admin).</param>
/// <param name="OnBehalfOf">For a service assertion: the principal the service acts for.</param>
public sealed record CallerPrincipal(
    string TenantId,
    string PrincipalId,
    PrincipalKind Kind,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<string> Roles,
    string? AppId,
    IReadOnlyList<string> Scopes,
    string? OnBehalfOf = null)
{
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}
