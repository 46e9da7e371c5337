using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Auth;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;
using CreateApiKeyRequest = SecureRag.Gateway.Apis.Dtos.CreateApiKeyRequest;

namespace SecureRag.Gateway.Apis;

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/v1/api-keys").WithTags("API keys").RequirePermission(Permission.ManageKeys);
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Creates a key; its secret is shown once.");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Lists keys, without secrets.");
        keys.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revokes a key at once on every Gateway.");
        return endpoints;
    }

    private static Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            var created = await auth.CreateApiKeyAsync(new Contracts.Auth.CreateApiKeyRequest
            {
                Name = request.Name ?? "",
                AppId = request.AppId ?? "",
                UserId = request.UserId ?? "",
                Scopes = { request.Scopes ?? [] },
                ExpiresAt = request.ExpiresAt is { } expires ? Timestamp.FromDateTimeOffset(expires) : null,
                AllowedAddresses = { request.AllowedAddresses ?? [] },
            }, context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Created($"/v1/api-keys/{created.Key.Id}", created.ToDto());
        });

    private static Task<Results<Ok<Page<ApiKeyDto>>, ProblemHttpResult>> ListAsync(
        HttpContext context, Administration.AdministrationClient auth, int? pageSize, string? pageToken) =>
        RpcCall.Try(async () =>
        {
            var page = await auth.ListApiKeysAsync(DtoMapping.ToListRequest(pageSize, pageToken), context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<ApiKeyDto>([.. page.Keys.Select(k => k.ToDto())], page.NextPageToken.NullIfEmpty()));
        });

    private static Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
            TypedResults.Ok((await auth.RevokeApiKeyAsync(new IdRequest { Id = id }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));
}
