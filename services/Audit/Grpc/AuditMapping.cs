using Google.Protobuf.WellKnownTypes;
using SecureRag.Audit.Domain;
using Contract = SecureRag.Contracts.Audit;

namespace SecureRag.Audit.Grpc;

/// <summary>Between the service's domain types and the audit contract.</summary>
public static class AuditMapping
{
    public static AuditFilter ToDomain(Contract.AuditFilter? filter) => filter is null
        ? new AuditFilter()
        : new AuditFilter(
            filter.From?.ToDateTimeOffset(),
            filter.To?.ToDateTimeOffset(),
            NullIfEmpty(filter.ActorId),
            NullIfEmpty(filter.AppId),
            NullIfEmpty(filter.Action),
            NullIfEmpty(filter.Outcome),
            NullIfEmpty(filter.TraceId));

    public static Contract.AuditRecord ToContract(AuditRecord record)
    {
        var e = record.Entry;
        return new Contract.AuditRecord
        {
            Sequence = record.Sequence,
            EventId = e.EventId.ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt),
            TenantId = e.TenantId,
            Actor = new Contract.AuditActor { Kind = e.ActorKind, Id = e.ActorId, OnBehalfOf = e.ActorOnBehalfOf ?? "" },
            Action = e.Action,
            Target = e.Target ?? "",
            Outcome = e.Outcome,
            Reason = e.Reason ?? "",
            ClientAddress = e.ClientAddress ?? "",
            AppId = e.AppId ?? "",
            TraceId = e.TraceId ?? "",
            SpanId = e.SpanId ?? "",
            Details = { e.Details.ToDictionary() },
            Kind = record.Kind == RecordKind.Purge ? "purge" : "event",
        };
    }

    public static Contract.VerifyAuditResponse ToContract(VerificationResult result) => new()
    {
        Ok = result.Ok,
        RecordsChecked = result.RecordsChecked,
        HeadSequence = result.HeadSequence,
        CheckpointSequence = result.CheckpointSequence,
        Fault = result.Fault is { } fault
            ? new Contract.ChainFault { Sequence = fault.Sequence, Kind = ToContract(fault.Kind), Reason = fault.Reason }
            : null,
    };

    private static Contract.ChainFaultKind ToContract(ChainFaultKind kind) => kind switch
    {
        ChainFaultKind.Altered => Contract.ChainFaultKind.Altered,
        ChainFaultKind.Missing => Contract.ChainFaultKind.Missing,
        ChainFaultKind.Reordered => Contract.ChainFaultKind.Reordered,
        ChainFaultKind.LinkBroken => Contract.ChainFaultKind.LinkBroken,
        ChainFaultKind.CheckpointMismatch => Contract.ChainFaultKind.CheckpointMismatch,
        ChainFaultKind.CheckpointInvalid => Contract.ChainFaultKind.CheckpointInvalid,
        ChainFaultKind.TombstoneInvalid => Contract.ChainFaultKind.TombstoneInvalid,
        _ => Contract.ChainFaultKind.Unspecified,
    };

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
