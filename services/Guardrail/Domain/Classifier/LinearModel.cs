namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Logistic regression over hashed features. Each occurrence of a feature contributes its weight divided by the
/// square root of the number of features, so long and short texts score on the same scale. The trainer shifts the
/// bias so that the calibrated operating point is a score of 0.5.
/// </summary>
public sealed class LinearModel(string name, int bits, float bias, float[] weights)
{
    public string Name { get; } = name;

    public int Bits { get; } = bits;

    public float Bias { get; } = bias;

    public ReadOnlySpan<float> Weights => weights;

    /// <summary>The score from a <see cref="WeightSum"/> of the features.</summary>
    public double Score(in WeightSum features) =>
        features.Count == 0 ? Sigmoid(Bias) : Sigmoid(Bias + features.Sum / MathF.Sqrt(features.Count));

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
