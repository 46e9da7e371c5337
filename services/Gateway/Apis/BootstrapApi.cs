using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Auth;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Apis;

public static class BootstrapApi
{
    public static IEndpointRouteBuilder MapBootstrapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/bootstrap", ExchangeAsync)
            .WithName("Bootstrap").WithTags("Identity")
            .WithSummary("Exchanges the one-time bootstrap credential for the first owner's API key.")
            .RequirePermission(Permission.Bootstrap);
        return endpoints;
    }

    private static Task<Results<Ok<CreatedApiKeyDto>, ProblemHttpResult>> ExchangeAsync(
        HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok((await auth.BootstrapAsync(
            new BootstrapRequest { ClientAddress = context.Connection.RemoteIpAddress?.ToString() ?? "" },
            context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));
}
