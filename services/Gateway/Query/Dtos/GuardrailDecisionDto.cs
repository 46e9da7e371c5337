namespace SecureRag.Gateway.Query.Dtos;

/// <summary>One rail's decision.</summary>
/// <param name="Rail"><c>input</c>, <c>context</c> or <c>output</c>.</param>
/// <param name="Action"><c>allow</c>, <c>flag</c>, <c>redact</c> or <c>block</c>.</param>
/// <param name="Rules">The rule ids that fired.</param>
/// <param name="DecisionId">The decision in the audit trail, when it was recorded.</param>
/// <param name="DroppedPassages">Context rail: retrieved passages left out of the prompt.</param>
public sealed record GuardrailDecisionDto(
    string Rail,
    string Action,
    IReadOnlyList<string> Rules,
    string? DecisionId = null,
    IReadOnlyList<string>? DroppedPassages = null);
