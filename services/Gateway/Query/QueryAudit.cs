using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureRag.Contracts.Events;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Gateway.Query;

/// <summary>
/// One audit event per query, answered or not: the principal, the app, every guardrail decision, the cited documents,
/// the usage, and the prompt and answer as the app's audit setting allows (<c>off</c>, <c>hashed</c> or <c>full</c>).
/// Written through the Gateway's outbox in a transaction of its own; the event carries the query's trace id.
/// </summary>
public sealed class QueryAudit(ServiceDatabase database, AuditTrail audit, ILogger<QueryAudit> logger)
{
    private const int MaxFullText = 4000;

    public async Task RecordAsync(QueryState state, QueryOutcome outcome, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decisions"] = string.Join("; ", state.Decisions.Select(d =>
                $"{d.Rail}:{d.Action}{(d.Rules.Count == 0 ? "" : "[" + string.Join(',', d.Rules) + "]")}{(d.DroppedPassages is { Count: > 0 } dropped ? " dropped=" + string.Join(',', dropped) : "")}")),
            ["cited_documents"] = string.Join(',', outcome.Citations.Select(c => c.Document).Distinct(StringComparer.Ordinal)),
            ["passages"] = state.Passages.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (outcome.Usage is { } usage)
        {
            details["prompt_tokens"] = usage.PromptTokens.ToString(CultureInfo.InvariantCulture);
            details["completion_tokens"] = usage.CompletionTokens.ToString(CultureInfo.InvariantCulture);
            details["total_tokens"] = usage.TotalTokens.ToString(CultureInfo.InvariantCulture);
        }

        if (outcome.Model is { } model)
        {
            details["model"] = model;
        }

        AddText(details, "prompt", state.Input.Question, state.App.AuditText);
        if (outcome.Answer is { } answer)
        {
            AddText(details, "answer", answer, state.App.AuditText);
        }

        var auditEvent = new AuditEventRaised
        {
            TenantId = state.Caller.Principal.TenantId,
            Actor = SecurityAudit.Actor(state.Caller),
            Action = outcome.Outcome == "success" ? "query.answered" : $"query.{outcome.Outcome}",
            Target = $"app:{state.App.Id}",
            Outcome = outcome.Outcome,
            Reason = outcome.Reason,
            ClientAddress = state.ClientAddress,
            AppId = state.App.Id,
            TraceId = state.TraceId,
            Details = details,
        };
        try
        {
            await database.InTransactionAsync((session, ct) => audit.RaiseAsync(session, auditEvent, ct), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Could not record the audit event of a query to app {AppId}: {Reason}", state.App.Id, ex.Message);
            throw QueryRefusedException.Unavailable("audit_unavailable", "The audit trail");
        }
    }

    private static void AddText(Dictionary<string, string> details, string name, string text, string mode)
    {
        switch (mode)
        {
            case "full":
                details[name] = text.Length <= MaxFullText ? text : text[..MaxFullText];
                break;
            case "hashed":
                details[name + "_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
                break;
        }
    }
}
