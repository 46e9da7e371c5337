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

    public double Score(FeatureVector features)
    {
        if (features.Count == 0)
        {
            return Sigmoid(Bias);
        }

        var sum = 0f;
        foreach (var index in features.Indices)
        {
            sum += weights[index];
        }

        foreach (var (index, times) in features.Repeated)
        {
            sum += weights[index] * times;
        }

        return Sigmoid(Bias + sum / MathF.Sqrt(features.Count));
    }

    /// <summary>The score from a <see cref="WeightSum"/> of the features (the same as scoring them stored).</summary>
    public double Score(in WeightSum features) =>
        features.Count == 0 ? Sigmoid(Bias) : Sigmoid(Bias + features.Sum / MathF.Sqrt(features.Count));

    public double Score(ReadOnlySpan<int> features)
    {
        if (features.IsEmpty)
        {
            return Sigmoid(Bias);
        }

        var sum = 0f;
        foreach (var index in features)
        {
            sum += weights[index];
        }

        return Sigmoid(Bias + sum / MathF.Sqrt(features.Length));
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
