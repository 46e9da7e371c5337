namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>The examples of one model, the texts they came from (for the fingerprint) and a description of the sources.</summary>
public sealed record TrainingSet(List<Example> Examples, List<string> Texts, List<string> Sources);
