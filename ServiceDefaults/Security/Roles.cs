namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Tenant roles, least privilege. Approver and editor may be scoped to one knowledge base
/// (<c>editor:&lt;knowledge base id&gt;</c>); unscoped they apply tenant-wide.
/// </summary>
public static class Roles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Builder = "builder";
    public const string Approver = "approver";
    public const string Editor = "editor";
    public const string Member = "member";

    /// <summary>The platform operator: creates tenants. Held by the bootstrap owner.</summary>
    public const string Operator = "operator";

    /// <summary>The one-time bootstrap credential: may only exchange itself for an owner key.</summary>
    public const string Bootstrap = "bootstrap";

    public static readonly IReadOnlyList<string> Assignable = [Owner, Admin, Builder, Approver, Editor, Member];

    /// <summary>The role as carried in an assertion: <c>role</c> or <c>role:scope</c>.</summary>
    public static string Scoped(string role, string? scope) => string.IsNullOrEmpty(scope) ? role : $"{role}:{scope}";
}
