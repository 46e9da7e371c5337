using SecureRag.ServiceDefaults.Security;

namespace SecureRag.ServiceDefaults.Tests.Security;

public sealed class PermissionsTests
{
    private static CallerPrincipal Caller(string[] roles, string[]? scopes = null) =>
        new("t", "u", PrincipalKind.User, [], roles, null, scopes ?? [.. Scopes.All]);

    [Theory]
    [InlineData(Permission.ManageApps, "builder", true)]
    [InlineData(Permission.ManageApps, "member", false)]
    [InlineData(Permission.ManageApps, "admin", false)]
    [InlineData(Permission.AssignRoles, "owner", true)]
    [InlineData(Permission.AssignRoles, "builder", false)]
    [InlineData(Permission.AssignRoles, "admin", false)]
    [InlineData(Permission.ManageKeys, "admin", true)]
    [InlineData(Permission.ManageKeys, "member", false)]
    [InlineData(Permission.ManageTenants, "owner", false)]
    [InlineData(Permission.ManageTenants, "operator", true)]
    public void RolesGrantOnlyTheirPermissions(Permission permission, string role, bool allowed) =>
        Assert.Equal(allowed, Permissions.Allows(Caller([role]), permission));

    [Fact]
    public void AdminPermissionsNeedTheAdminScopeOnAKey() =>
        Assert.False(Permissions.Allows(Caller(["owner", "admin"], [Scopes.Query]), Permission.ManageKeys));

    [Fact]
    public void EditorOfOneKnowledgeBaseCannotWriteAnother()
    {
        var editor = Caller([Roles.Scoped(Roles.Editor, "kb-1")]);

        Assert.True(Permissions.Allows(editor, Permission.Ingest, "kb-1"));
        Assert.False(Permissions.Allows(editor, Permission.Ingest, "kb-2"));
        Assert.False(Permissions.Allows(editor, Permission.Ingest));
    }

    [Fact]
    public void AnyValidCredentialMayIdentifyItself() =>
        Assert.True(Permissions.Allows(Caller([], []), Permission.Identify));
}
