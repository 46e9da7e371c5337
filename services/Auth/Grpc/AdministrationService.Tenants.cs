using Grpc.Core;
using SecureRag.Auth.Domain;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

public sealed partial class AdministrationService
{
    /// <summary>Creates a tenant with its first owner and that owner's key (shown once). Platform operators only.</summary>
    public override async Task<CreatedTenant> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageTenants);
        var tenant = new TenantRecord(Guid.CreateVersion7(), RequireText(request.Name, "name"), "standard", time.GetUtcNow().UtcDateTime);
        var owner = new UserRecord(Guid.CreateVersion7(), tenant.Id, "", "owner", null, null, false, false);
        var (secret, digest, prefix) = secrets.Create();
        var key = new StoredApiKey(Guid.CreateVersion7(), tenant.Id, "owner", null, owner.Id, digest, prefix, [.. Scopes.All], [], null, false, tenant.CreatedAt, null, null);
        await database.InTransactionAsync(async (session, ct) =>
        {
            await directory.InsertTenantAsync(session, tenant, ct);
            await directory.InsertUserAsync(session, owner, ct);
            await directory.SetRolesAsync(session, owner.Id, [new RoleGrant(Roles.Owner, ""), new RoleGrant(Roles.Admin, "")], ct);
            await keys.InsertAsync(session, key, caller.PrincipalId, ct);
            await RecordAsync(session, context, caller, "tenant.created", tenant.Id.ToString(), principalsChanged: false,
                new Dictionary<string, string> { ["name"] = tenant.Name });
        }, context.CancellationToken);
        return new CreatedTenant
        {
            Tenant = new Tenant { Id = tenant.Id.ToString(), Name = tenant.Name, CreatedAt = ((DateTime?)tenant.CreatedAt).ToTimestamp() },
            OwnerKey = new CreatedApiKey { Key = key.ToProto(), Secret = secret },
        };
    }

    public override async Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context) =>
        await ReadTenantAsync(TenantOf(context.Require(Permission.ReadTenant)), context.CancellationToken);

    public override async Task<Tenant> BindIdentityProvider(BindIdentityProviderRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageIdentityProviders);
        var tenantId = TenantOf(caller);
        var binding = request.Binding ?? throw Invalid("binding", "is required");
        if (!Uri.TryCreate(binding.Issuer, UriKind.Absolute, out _))
        {
            throw Invalid("issuer", "must be an absolute URL");
        }

        if (!trustedIssuers.IsTrusted(binding.Issuer))
        {
            throw Invalid("issuer", "is not one of the issuers the operator trusts (Auth:Oidc:TrustedIssuers)");
        }

        var record = new IdentityBinding(binding.Issuer, RequireText(binding.Audience, "audience"), tenantId,
            binding.GroupsClaim.Length == 0 ? "groups" : RequireText(binding.GroupsClaim, "groups_claim"));
        await database.InTransactionAsync(async (session, ct) =>
        {
            if (!await directory.BindAsync(session, record, ct))
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, "issuer: this issuer and audience are bound to another tenant"));
            }

            await RecordAsync(session, context, caller, "tenant.identity_provider.bound", record.Issuer, principalsChanged: true,
                new Dictionary<string, string> { ["audience"] = record.Audience });
        }, context.CancellationToken);
        return await ReadTenantAsync(tenantId, context.CancellationToken);
    }

    private async Task<Tenant> ReadTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await directory.GetTenantAsync(tenantId, cancellationToken) ?? throw NotFound("Tenant");
        var bindings = await directory.GetBindingsAsync(tenantId, cancellationToken);
        return new Tenant
        {
            Id = tenant.Id.ToString(),
            Name = tenant.Name,
            CreatedAt = ((DateTime?)tenant.CreatedAt).ToTimestamp(),
            IdentityProviders = { bindings.Select(b => new IdentityProviderBinding { Issuer = b.Issuer, Audience = b.Audience, GroupsClaim = b.GroupsClaim }) },
        };
    }
}
