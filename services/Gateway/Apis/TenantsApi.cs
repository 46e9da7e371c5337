using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Auth;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;
using CreateTenantRequest = SecureRag.Gateway.Apis.Dtos.CreateTenantRequest;

namespace SecureRag.Gateway.Apis;

public static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup("/v1/tenants").WithTags("Tenants");
        tenants.MapPost("/", CreateAsync).WithName("CreateTenant")
            .WithSummary("Creates a tenant and its first owner's key (platform operators only).")
            .RequirePermission(Permission.ManageTenants);
        tenants.MapGet("/current", GetCurrentAsync).WithName("GetCurrentTenant")
            .WithSummary("The caller's tenant.").RequirePermission(Permission.ReadTenant);
        tenants.MapPost("/current/identity-providers", BindAsync).WithName("BindIdentityProvider")
            .WithSummary("Trusts an identity provider's (issuer, audience) for this tenant's users.")
            .RequirePermission(Permission.ManageIdentityProviders);
        return endpoints;
    }

    private static Task<Results<Created<CreatedTenantDto>, ProblemHttpResult>> CreateAsync(
        CreateTenantRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            var created = await auth.CreateTenantAsync(
                new Contracts.Auth.CreateTenantRequest { Name = request.Name ?? "" }, context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Created($"/v1/tenants/{created.Tenant.Id}", new CreatedTenantDto(created.Tenant.ToDto(), created.OwnerKey.ToDto()));
        });

    private static Task<Results<Ok<TenantDto>, ProblemHttpResult>> GetCurrentAsync(HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await auth.GetTenantAsync(new GetTenantRequest(), context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<TenantDto>, ProblemHttpResult>> BindAsync(
        IdentityProviderDto request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok((await auth.BindIdentityProviderAsync(new BindIdentityProviderRequest
        {
            Binding = new IdentityProviderBinding { Issuer = request.Issuer ?? "", Audience = request.Audience ?? "", GroupsClaim = request.GroupsClaim ?? "" },
        }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));
}
