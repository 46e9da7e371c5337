using SecureRag.Contracts.Guardrail;
using SecureRag.Guardrail.Domain.Policies;
using ProtoAction = SecureRag.Contracts.Guardrail.Action;
using ProtoDisposition = SecureRag.Contracts.Guardrail.ChunkDisposition;
using ProtoSentence = SecureRag.Contracts.Guardrail.SentenceSupport;

namespace SecureRag.Guardrail.Grpc;

/// <summary>Domain results to contract messages.</summary>
internal static class ProtoMapper
{
    public static Decision ToProto(Domain.Scanning.RailDecision decision, string decisionId, int policyVersion)
    {
        var proto = new Decision { Action = ToProto(decision.Action), DecisionId = decisionId, PolicyVersion = policyVersion };
        proto.Findings.AddRange(decision.Findings.Select(ToProto));
        return proto;
    }

    public static ChunkVerdict ToProto(Domain.Scanning.ChunkVerdict verdict)
    {
        var proto = new ChunkVerdict
        {
            ChunkId = verdict.ChunkId,
            Action = ToProto(verdict.Decision.Action),
            Disposition = verdict.Disposition switch
            {
                Domain.Policies.ChunkDisposition.Drop => ProtoDisposition.Drop,
                Domain.Policies.ChunkDisposition.Quarantine => ProtoDisposition.Quarantine,
                _ => ProtoDisposition.Pass,
            },
            InjectionScore = verdict.InjectionScore,
        };
        proto.Findings.AddRange(verdict.Decision.Findings.Select(ToProto));
        if (verdict.RedactedText is not null)
        {
            proto.RedactedText = verdict.RedactedText;
        }

        return proto;
    }

    public static ProtoSentence ToProto(Domain.Output.SentenceSupport sentence) => new()
    {
        Start = sentence.Start,
        Length = sentence.Length,
        Supported = sentence.Supported,
        Score = Math.Round(sentence.Score, 4),
        PassageId = sentence.PassageId ?? "",
    };

    public static Domain.Output.CitedPassage ToDomain(Passage passage) => new(passage.Id, passage.Text);

    private static Finding ToProto(Domain.Scanning.Finding finding) => new()
    {
        RuleId = finding.RuleId,
        Action = ToProto(finding.Action),
        Score = finding.Score,
        Reason = finding.Reason,
        Start = finding.Start,
        Length = finding.Length,
        Turn = finding.Turn,
    };

    private static ProtoAction ToProto(GuardAction action) => action switch
    {
        GuardAction.Allow => ProtoAction.Allow,
        GuardAction.Flag => ProtoAction.Flag,
        GuardAction.Redact => ProtoAction.Redact,
        _ => ProtoAction.Block,
    };
}
