namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// Logistic regression by plain SGD with a decaying step and lazy L2 on the active features, scoring exactly as
/// <see cref="SecureRag.Guardrail.Domain.Classifier.LinearModel"/> does (each feature occurrence weighted by
/// 1/sqrt(count), so every example has about unit norm and one step size suits short and long texts). Example
/// weights are normalised to average 1. Deterministic: fixed seed, fixed order of floating-point operations.
/// </summary>
public static class LogisticTrainer
{
    public static (float[] Weights, float Bias) Train(IReadOnlyList<Example> examples, TrainerSettings settings)
    {
        var weights = new double[1 << settings.Bits];
        double bias = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new SplitMix64(settings.Seed);
        var meanWeight = examples.Count == 0 ? 1 : examples.Average(e => e.Weight);

        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var rate = settings.LearningRate / (1 + epoch);
            random.Shuffle(order);
            foreach (var index in order)
            {
                var example = examples[index];
                var features = example.Features;
                var value = features.Length == 0 ? 0 : 1 / Math.Sqrt(features.Length);
                var z = bias;
                foreach (var f in features)
                {
                    z += weights[f] * value;
                }

                var gradient = (Sigmoid(z) - example.Label) * example.Weight / meanWeight;
                foreach (var f in features)
                {
                    weights[f] -= rate * (gradient * value + settings.L2 * weights[f]);
                }

                bias -= rate * gradient * 0.1;
            }
        }

        return (weights.Select(w => (float)w).ToArray(), (float)bias);
    }

    public static double Score(float[] weights, float bias, int[] features)
    {
        if (features.Length == 0)
        {
            return Sigmoid(bias);
        }

        var sum = 0f;
        foreach (var f in features)
        {
            sum += weights[f];
        }

        return Sigmoid(bias + sum / MathF.Sqrt(features.Length));
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static double Logit(double p) => Math.Log(p / (1 - p));
}
