namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>One line of a guardrail data file.</summary>
/// <param name="Label">1: attack (or text with personal data); 0: benign.</param>
/// <param name="Id">BIPIA's id, e.g. <c>train-email-0-Anagramming-2-middle</c>.</param>
/// <param name="AttackString">BIPIA: the attack inserted into the context.</param>
public sealed record LabeledText(string Text, int Label, string Kind, string? Id, string? AttackString, string? Task);
