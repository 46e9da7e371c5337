namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>One training example: hashed features, label, weight, and the group that keeps it in one CV fold.</summary>
public sealed record Example(int[] Features, int Label, double Weight, string Group, string Text = "");
