using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

/// <summary>Who may do what with a knowledge base (roles tenant-wide or scoped to it: <c>editor:&lt;id&gt;</c>).</summary>
public static class IngestionAuthorization
{
    public static bool CanManage(CallerPrincipal caller) => Permissions.Allows(caller, Permission.ManagePolicies);

    public static bool CanEdit(CallerPrincipal caller, Guid knowledgeBaseId) => Permissions.Allows(caller, Permission.Ingest, knowledgeBaseId.ToString());

    public static bool CanApprove(CallerPrincipal caller, Guid knowledgeBaseId) => Permissions.Allows(caller, Permission.Approve, knowledgeBaseId.ToString());

    public static bool CanReadDocuments(CallerPrincipal caller, Guid knowledgeBaseId) =>
        CanEdit(caller, knowledgeBaseId) || CanApprove(caller, knowledgeBaseId) || CanManage(caller);

    /// <summary>Builders see knowledge bases to bind them to apps.</summary>
    public static bool CanRead(CallerPrincipal caller, Guid knowledgeBaseId) =>
        CanReadDocuments(caller, knowledgeBaseId) || Permissions.Allows(caller, Permission.ReadApps);

    public static void Require(bool allowed, string action)
    {
        if (!allowed)
        {
            throw IngestionErrors.Denied(action);
        }
    }
}
