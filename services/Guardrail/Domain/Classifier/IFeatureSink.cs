namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>Where hashed features go as they are produced: stored (<see cref="FeatureVector"/>) or summed at once (<see cref="WeightSum"/>).</summary>
public interface IFeatureSink
{
    /// <summary>All occurrences so far, repeats included.</summary>
    int Count { get; }

    void Add(int index);

    void Add(int index, int times);
}
