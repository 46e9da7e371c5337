using SecureRag.Contracts.Audit;

namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>The Audit service's messages to the public API's DTOs.</summary>
public static class AuditDtoMapping
{
    public static AuditRecordDto ToDto(this AuditRecord record) => new(
        record.Sequence, record.EventId, record.OccurredAt.ToDto(), record.RecordedAt.ToDto(),
        new AuditActorDto(record.Actor?.Kind ?? "anonymous", record.Actor?.Id ?? "", record.Actor?.OnBehalfOf.NullIfEmpty()),
        record.Action, record.Target, record.Outcome, record.Reason.NullIfEmpty(), record.ClientAddress.NullIfEmpty(),
        record.AppId.NullIfEmpty(), record.TraceId.NullIfEmpty(), record.SpanId.NullIfEmpty(), record.Details, record.Kind);

    public static AuditVerificationDto ToDto(this VerifyAuditResponse result) => new(
        result.Ok, result.RecordsChecked, result.HeadSequence, result.CheckpointSequence,
        result.Fault is { } fault ? new ChainFaultDto(fault.Sequence, FaultKind(fault.Kind), fault.Reason) : null);

    public static AuditPurgeDto ToDto(this PurgeAuditResponse result) =>
        new(result.Removed, result.PurgeSequence == 0 ? null : result.PurgeSequence);

    /// <summary><c>LinkBroken</c> → <c>link_broken</c>.</summary>
    private static string FaultKind(ChainFaultKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
