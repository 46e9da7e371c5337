namespace SecureRag.Tools.GuardrailTrainer;

public enum SplitSide
{
    Train,
    Eval,
    Excluded,
}
