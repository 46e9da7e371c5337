using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Guardrail;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Apis;

/// <summary>An app's guardrail policy, kept (versioned, validated) by the Guardrail service.</summary>
public static class GuardrailPolicyApi
{
    public static IEndpointRouteBuilder MapGuardrailPolicyApi(this IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup("/v1/apps/{id}/guardrail-policy").WithTags("Apps");
        policies.MapGet("/", GetAsync).WithName("GetGuardrailPolicy").RequirePermission(Permission.ReadApps);
        policies.MapPut("/", SaveAsync).WithName("SaveGuardrailPolicy")
            .WithSummary("Validates and stores a new version of the app's guardrail policy (builders).").RequirePermission(Permission.ManageApps);
        return endpoints;
    }

    private static Task<Results<Ok<GuardrailPolicyDto>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, GuardrailPolicyService.GuardrailPolicyServiceClient guardrail, int? version) =>
        RpcCall.Try(async () => TypedResults.Ok(ToDto(await guardrail.GetPolicyAsync(
            new GetPolicyRequest { AppId = id, Version = version ?? 0 }, context.For("guardrail"), cancellationToken: context.RequestAborted))));

    private static Task<Results<Ok<GuardrailPolicyDto>, ProblemHttpResult>> SaveAsync(
        string id, SaveGuardrailPolicyRequest request, HttpContext context, GuardrailPolicyService.GuardrailPolicyServiceClient guardrail) =>
        RpcCall.Try(async () =>
        {
            var save = new SavePolicyRequest { AppId = id, PolicyJson = request.Policy.GetRawText() };
            if (request.ExpectedVersion is { } expected)
            {
                save.ExpectedVersion = expected;
            }

            return TypedResults.Ok(ToDto(await guardrail.SavePolicyAsync(save, context.For("guardrail"), cancellationToken: context.RequestAborted)));
        });

    private static GuardrailPolicyDto ToDto(PolicyVersion policy) => new(
        policy.AppId,
        policy.Version,
        JsonDocument.Parse(policy.PolicyJson.Length == 0 ? "{}" : policy.PolicyJson).RootElement.Clone(),
        policy.IsDefault,
        policy.CreatedAt?.ToDateTimeOffset(),
        policy.CreatedBy.Length == 0 ? null : policy.CreatedBy);
}
