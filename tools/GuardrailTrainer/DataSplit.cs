using SecureRag.Guardrail.Domain.Classifier;

namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// The fixed train/evaluation split. A key goes to evaluation when the first eight bytes of SHA-256 of
/// <c>"split:" + key</c> (UTF-8, big-endian) are 0 mod 3, so one third is held out, the same on every machine.
/// deepset: the key is the text. BIPIA: a row is split on two keys, its context (the id without the attack suffix)
/// and its attack string, and it is used only when both fall on the same side; mixed rows are left out, so no
/// evaluation row shares a context or an attack with training. BIPIA's bare payloads are split on the attack string.
/// </summary>
public static class DataSplit
{
    public static bool IsEval(string key) => TrainingFingerprint.Hash("split:" + key) % 3 == 0;

    /// <summary>Train, evaluation, or neither (a BIPIA row whose context and attack fall on different sides).</summary>
    public static SplitSide Side(LabeledText row)
    {
        if (row.Id is null || (row.AttackString is null && !row.Kind.StartsWith("indirect", StringComparison.Ordinal)))
        {
            return IsEval(row.Text) ? SplitSide.Eval : SplitSide.Train;
        }

        if (row.Kind == "indirect_payload")
        {
            return IsEval(row.Text) ? SplitSide.Eval : SplitSide.Train;
        }

        var context = IsEval(ContextKey(row.Id));
        if (row.AttackString is null)
        {
            return context ? SplitSide.Eval : SplitSide.Train;
        }

        var attack = IsEval(row.AttackString);
        return context == attack ? (context ? SplitSide.Eval : SplitSide.Train) : SplitSide.Excluded;
    }

    /// <summary>"train-email-0-Anagramming-2-middle" and "train-email-0-clean" share the context "train-email-0".</summary>
    public static string ContextKey(string id)
    {
        var parts = id.Split('-');
        return parts.Length >= 3 ? string.Join('-', parts[..3]) : id;
    }
}
