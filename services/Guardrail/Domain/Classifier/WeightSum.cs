namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// A linear model's weights summed over features as they are hashed, without storing them. Features arrive in the
/// order <see cref="FeatureVector"/> holds them for the trainer, and are summed in that order, so the float sum, and
/// the score, is the same to the bit as summing the stored features.
/// </summary>
public ref struct WeightSum(ReadOnlySpan<float> weights) : IFeatureSink
{
    private readonly ReadOnlySpan<float> _weights = weights;

    public float Sum { get; private set; }

    public int Count { get; private set; }

    public void Add(int index)
    {
        Sum += _weights[index];
        Count++;
    }

    public void Add(int index, int times)
    {
        Sum += _weights[index] * times;
        Count += times;
    }
}
