using Grpc.Core;
using SecureRag.Auth.Domain;
using SecureRag.Auth.Infrastructure;
using SecureRag.Auth.Oidc;
using SecureRag.Contracts.Auth;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

/// <summary>
/// Tenants, users, groups, roles, apps and keys. The Gateway checks each endpoint's permission; this service checks
/// it again on the verified assertion, and scopes every statement to the caller's tenant, so another tenant's object
/// is NOT_FOUND whatever the request names.
/// </summary>
public sealed partial class AdministrationService(
    ServiceDatabase database,
    DirectoryStore directory,
    GroupStore groups,
    AppStore apps,
    ApiKeyStore keys,
    ApiKeySecrets secrets,
    AuditTrail audit,
    Outbox outbox,
    ITrustedIssuers trustedIssuers,
    TimeProvider time) : Administration.AdministrationBase
{
    /// <summary>Metadata the Gateway sets with the client's address, for the audit trail.</summary>
    public const string ClientAddressHeader = "x-client-address";

    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    private static Guid TenantOf(CallerPrincipal caller) =>
        Guid.TryParse(caller.TenantId, out var id) ? id : throw new RpcException(new Status(StatusCode.PermissionDenied, "The caller has no tenant."));

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw Invalid(field, "must be an id");

    private static RpcException Invalid(string field, string message) => new(new Status(StatusCode.InvalidArgument, $"{field}: {message}"));

    private static RpcException NotFound(string what) => new(new Status(StatusCode.NotFound, $"{what} not found."));

    private static int PageSize(ListRequest request) => request.PageSize is > 0 and <= MaxPageSize ? request.PageSize : DefaultPageSize;

    private static Guid? PageAfter(ListRequest request) => request.PageToken.Length == 0 ? null : ParseId(request.PageToken, "page_token");

    private static string RequireText(string value, string field, int maxLength = 200)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? throw Invalid(field, "must not be empty")
            : trimmed.Length > maxLength ? throw Invalid(field, $"must be at most {maxLength} characters")
            : trimmed;
    }

    /// <summary>Records the change in the audit trail, and tells every Gateway when it affects what principals may do.</summary>
    private async Task RecordAsync(
        DbSession session, ServerCallContext context, CallerPrincipal caller, string action, string target,
        bool principalsChanged, IReadOnlyDictionary<string, string>? details = null)
    {
        await audit.RaiseAsync(session, new AuditEventRaised
        {
            TenantId = caller.TenantId,
            Actor = new AuditActor(caller.Kind.ToString().ToLowerInvariant(), caller.PrincipalId, caller.OnBehalfOf),
            Action = action,
            Target = target,
            Outcome = "success",
            ClientAddress = context.RequestHeaders.GetValue(ClientAddressHeader),
            AppId = caller.AppId,
            Details = details ?? new Dictionary<string, string>(),
        }, context.CancellationToken);
        if (principalsChanged)
        {
            await outbox.EnqueueAsync(session, new PrincipalsChanged(caller.TenantId, action), caller.TenantId, context.CancellationToken);
        }
    }
}
