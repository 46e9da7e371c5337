using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Scores injection likelihood with a shipped linear model: whole texts for the input rail, each segment of a chunk
/// for the context rail (the chunk scores as its most suspicious segment). A score of 0.5 is the calibrated
/// operating point. Features are summed into the score as they are hashed, never stored.
/// </summary>
public sealed class InjectionClassifier
{
    private readonly HashedFeaturizer _featurizer;
    private readonly SegmentFeaturizer _segments;

    public InjectionClassifier(LinearModel model, TrainingFingerprint fingerprint)
    {
        Model = model;
        Fingerprint = fingerprint;
        _featurizer = new HashedFeaturizer(model.Bits);
        _segments = new SegmentFeaturizer(_featurizer);
    }

    public LinearModel Model { get; }

    public TrainingFingerprint Fingerprint { get; }

    public double ScoreText(string folded)
    {
        var sum = new WeightSum(Model.Weights);
        _featurizer.Featurize(folded, ref sum);
        return Model.Score(sum);
    }

    /// <summary>The highest segment score of a chunk and the segment it came from (-1 for an empty chunk).</summary>
    public (double Score, int Segment) ScoreChunk(NormalizedText chunk)
    {
        var segments = ChunkSegmenter.Segment(chunk.Folded);
        var best = (Score: 0.0, Segment: -1);
        for (var i = 0; i < segments.Count; i++)
        {
            var score = ScoreSegment(chunk.Folded, segments[i]);
            if (score > best.Score)
            {
                best = (score, i);
            }
        }

        return best;
    }

    public double ScoreSegment(string folded, TextSegment segment)
    {
        var sum = new WeightSum(Model.Weights);
        _segments.Featurize(folded, segment, ref sum);
        return Model.Score(sum);
    }

    /// <summary>The features of one segment, stored (what the trainer learns from); see <see cref="SegmentFeaturizer"/>.</summary>
    public static void FeaturizeSegment(HashedFeaturizer featurizer, string folded, TextSegment segment, FeatureVector into) =>
        new SegmentFeaturizer(featurizer).Featurize(folded, segment, ref into);
}
