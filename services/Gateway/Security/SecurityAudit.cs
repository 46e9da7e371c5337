using System.Net;
using SecureRag.Contracts.Events;
using SecureRag.Gateway.RateLimiting;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Gateway.Security;

/// <summary>
/// The Gateway's audit events: authentication failures (one per client address and minute, with the count so far, so
/// an attack cannot multiply writes), denials and rate-limit hits, each written through the Gateway's outbox.
/// </summary>
public sealed class SecurityAudit(ServiceDatabase database, AuditTrail audit, ILogger<SecurityAudit> logger) : IRateLimitAuditSink
{
    public Task AuthenticationFailedAsync(IPAddress address, AuthFailureStatus status, string reason, CancellationToken cancellationToken) =>
        status.Failures == 1
            ? RaiseAsync(new AuditEventRaised
            {
                TenantId = "",
                Actor = new AuditActor("anonymous", ""),
                Action = "auth.failed",
                Outcome = "denied",
                Reason = reason,
                ClientAddress = status.Address,
            }, cancellationToken)
            : Task.CompletedTask;

    public Task DeniedAsync(GatewayCaller caller, string permission, IPAddress? address, CancellationToken cancellationToken) =>
        RaiseAsync(new AuditEventRaised
        {
            TenantId = caller.Principal.TenantId,
            Actor = Actor(caller),
            Action = "access.denied",
            Target = permission,
            Outcome = "denied",
            ClientAddress = address?.ToString(),
            AppId = caller.Principal.AppId,
        }, cancellationToken);

    /// <summary>One event per limit and minute (the first refusal, counted across replicas), not one per 429.</summary>
    public async ValueTask RateLimitHitAsync(RateLimitHit hit, CancellationToken cancellationToken)
    {
        if (hit.Refusals != 1)
        {
            return;
        }

        await RaiseAsync(new AuditEventRaised
        {
            TenantId = hit.Caller.Principal.TenantId,
            Actor = Actor(hit.Caller),
            Action = "ratelimit.hit",
            Target = hit.Limit?.Scope.ToString(),
            Outcome = "denied",
            Reason = hit.Code,
            ClientAddress = hit.ClientAddress,
            AppId = hit.Caller.Principal.AppId,
        }, cancellationToken);
    }

    public static AuditActor Actor(GatewayCaller caller) =>
        caller.ApiKeyId is not null && caller.UserId is null
            ? new AuditActor("apikey", caller.ApiKeyId)
            : new AuditActor("user", caller.Principal.PrincipalId, caller.ApiKeyId is null ? null : $"apikey:{caller.ApiKeyId}");

    private async Task RaiseAsync(AuditEventRaised auditEvent, CancellationToken cancellationToken)
    {
        try
        {
            await database.InTransactionAsync((session, ct) => audit.RaiseAsync(session, auditEvent, ct), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The request is refused either way; a database outage must not turn a 401 into a 500.
            logger.LogError("Could not record audit event {Action}: {Reason}", auditEvent.Action, ex.Message);
        }
    }
}
