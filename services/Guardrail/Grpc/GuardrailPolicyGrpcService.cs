using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SecureRag.Contracts.Guardrail;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Guardrail.Grpc;

/// <summary>
/// Policy management: get, save (validated, versioned, audited), validate, list. Every query is scoped to the
/// caller's tenant, so another tenant's policies are invisible: a named version answers NOT_FOUND, the latest falls
/// back to the built-in default exactly as for an app that has none.
/// </summary>
public sealed class GuardrailPolicyGrpcService(IPolicyStore store, IPolicyProvider provider) : GuardrailPolicyService.GuardrailPolicyServiceBase
{
    private const int MaxListed = 100;

    public override async Task<PolicyVersion> GetPolicy(GetPolicyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        PolicyAccess.RequireRead(caller);
        var appId = AppScope.ForPolicy(request.AppId);
        if (request.Version < 0)
        {
            throw GuardrailErrors.InvalidArgument("version must be 0 (latest) or a positive version number.");
        }

        var stored = await store.GetAsync(caller.TenantId, appId, request.Version, context.CancellationToken);
        if (stored is not null)
        {
            return ToProto(stored);
        }

        if (request.Version != 0)
        {
            throw GuardrailErrors.NotFound($"App '{appId}' has no policy version {request.Version}.");
        }

        return new PolicyVersion { AppId = appId, Version = 0, PolicyJson = PolicyJson.Write(GuardrailPolicy.Default), IsDefault = true };
    }

    public override async Task<PolicyVersion> SavePolicy(SavePolicyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        PolicyAccess.RequireWrite(caller);
        var appId = AppScope.ForPolicy(request.AppId);
        var parsed = PolicyParser.Parse(request.PolicyJson);
        if (!parsed.IsValid)
        {
            throw GuardrailErrors.InvalidArgument("The policy is invalid: " + string.Join("; ", parsed.Problems));
        }

        try
        {
            var save = new PolicySave(caller.TenantId, appId, request.PolicyJson, request.HasExpectedVersion ? request.ExpectedVersion : null,
                caller.Kind.ToString().ToLowerInvariant(), caller.PrincipalId, caller.OnBehalfOf);
            var stored = await store.SaveAsync(save, context.CancellationToken);
            provider.Invalidate(caller.TenantId, appId);
            return ToProto(stored);
        }
        catch (PolicyVersionConflictException ex)
        {
            throw GuardrailErrors.Aborted(ex.Message);
        }
    }

    public override Task<ValidatePolicyResponse> ValidatePolicy(ValidatePolicyRequest request, ServerCallContext context)
    {
        _ = context.GetCaller();
        var parsed = PolicyParser.Parse(request.PolicyJson);
        var response = new ValidatePolicyResponse { Valid = parsed.IsValid };
        response.Problems.AddRange(parsed.Problems.Select(p => new Contracts.Guardrail.PolicyProblem { Path = p.Path, Message = p.Message }));
        if (parsed.Policy is not null)
        {
            response.EffectivePolicyJson = PolicyJson.Write(parsed.Policy);
        }

        return Task.FromResult(response);
    }

    public override async Task<ListPolicyVersionsResponse> ListPolicyVersions(ListPolicyVersionsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        PolicyAccess.RequireRead(caller);
        var appId = AppScope.ForPolicy(request.AppId);
        var limit = request.Limit is > 0 and <= MaxListed ? request.Limit : MaxListed;
        var versions = await store.ListAsync(caller.TenantId, appId, limit, context.CancellationToken);
        var response = new ListPolicyVersionsResponse();
        response.Versions.AddRange(versions.Select(ToProto));
        return response;
    }

    private static PolicyVersion ToProto(StoredPolicy stored) => new()
    {
        AppId = stored.AppId,
        Version = stored.Version,
        PolicyJson = stored.Json,
        CreatedAt = Timestamp.FromDateTimeOffset(stored.CreatedAt),
        CreatedBy = stored.CreatedBy,
    };
}
