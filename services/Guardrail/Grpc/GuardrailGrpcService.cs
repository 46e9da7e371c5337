using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Guardrail;
using SecureRag.Guardrail.Domain.Auditing;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scanning;
using SecureRag.Guardrail.Infrastructure;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Guardrail.Grpc;

/// <summary>
/// The three rails over gRPC: check the request, load the caller's app policy, scan, audit anything not allowed,
/// answer. The tenant comes only from the verified caller.
/// </summary>
public sealed class GuardrailGrpcService(
    InputRail inputRail,
    ContextRail contextRail,
    OutputRail outputRail,
    IPolicyProvider policies,
    IDecisionAuditor auditor,
    GuardrailMetrics metrics,
    IOptions<GuardrailOptions> options) : GuardrailService.GuardrailServiceBase
{
    public override async Task<ScanInputResponse> ScanInput(ScanInputRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var appId = AppScope.ForScan(caller, request.AppId);
        RequestChecks.Check(request, options.Value);
        var policy = await policies.GetAsync(caller.TenantId, appId, context.CancellationToken);

        var started = Stopwatch.GetTimestamp();
        var scan = inputRail.Scan(request.Prompt, request.History, policy.Policy.Input);
        metrics.Record(RailKind.Input, scan.Decision.Action, Stopwatch.GetElapsedTime(started));

        var decisionId = await AuditAsync(caller, appId, RailKind.Input, null, scan.Decision, policy, request.Prompt, null, context);
        var response = new ScanInputResponse { Decision = ProtoMapper.ToProto(scan.Decision, decisionId, policy.Version) };
        if (scan.RedactedPrompt is not null)
        {
            response.RedactedPrompt = scan.RedactedPrompt;
        }

        return response;
    }

    public override async Task<ScanContextResponse> ScanContext(ScanContextRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var appId = AppScope.ForScan(caller, request.AppId);
        RequestChecks.Check(request, options.Value);
        var policy = await policies.GetAsync(caller.TenantId, appId, context.CancellationToken);

        var started = Stopwatch.GetTimestamp();
        var chunks = request.Chunks.Select(c => new ContextChunk(c.Id, c.Text)).ToList();
        var scan = contextRail.Scan(chunks, policy.Policy.Context);
        metrics.Record(RailKind.Context, scan.Decision.Action, Stopwatch.GetElapsedTime(started), chunks.Count);

        var source = request.Source == ContextSource.Ingestion ? "ingestion" : "retrieval";
        var flagged = scan.Chunks.Where(c => c.Decision.Action != GuardAction.Allow).ToList();
        var text = string.Join("\n\n", flagged.Select(c => chunks.First(x => x.Id == c.ChunkId).Text));
        var decisionId = await AuditAsync(caller, appId, RailKind.Context, source, scan.Decision, policy, text,
            [.. flagged.Select(c => c.ChunkId)], context);

        var response = new ScanContextResponse { Decision = ProtoMapper.ToProto(scan.Decision, decisionId, policy.Version) };
        response.Chunks.AddRange(scan.Chunks.Select(ProtoMapper.ToProto));
        return response;
    }

    public override async Task<ScanOutputResponse> ScanOutput(ScanOutputRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var appId = AppScope.ForScan(caller, request.AppId);
        RequestChecks.Check(request, options.Value);
        var policy = await policies.GetAsync(caller.TenantId, appId, context.CancellationToken);

        var started = Stopwatch.GetTimestamp();
        var passages = request.CitedPassages.Select(ProtoMapper.ToDomain).ToList();
        var scan = outputRail.Scan(request.Text, request.CanaryToken, request.SystemPrompt, passages, policy.Policy.Output);
        metrics.Record(RailKind.Output, scan.Decision.Action, Stopwatch.GetElapsedTime(started));

        var decisionId = await AuditAsync(caller, appId, RailKind.Output, null, scan.Decision, policy, request.Text, null, context);
        var response = new ScanOutputResponse { Decision = ProtoMapper.ToProto(scan.Decision, decisionId, policy.Version) };
        if (scan.RedactedText is not null)
        {
            response.RedactedText = scan.RedactedText;
        }

        response.Sentences.AddRange(scan.Sentences.Select(ProtoMapper.ToProto));
        return response;
    }

    private async Task<string> AuditAsync(
        CallerPrincipal caller,
        string appId,
        RailKind rail,
        string? source,
        RailDecision decision,
        EffectivePolicy policy,
        string text,
        IReadOnlyList<string>? subjects,
        ServerCallContext context)
    {
        var decisionId = Guid.CreateVersion7().ToString();
        var record = new DecisionRecord(
            caller.TenantId,
            caller.Kind.ToString().ToLowerInvariant(),
            caller.PrincipalId,
            caller.OnBehalfOf,
            appId.Length == 0 ? null : appId,
            rail,
            source,
            decision,
            decisionId,
            policy.Version,
            text,
            policy.Policy.AuditText,
            subjects);
        await auditor.RecordAsync(record, context.CancellationToken);
        return decisionId;
    }
}
