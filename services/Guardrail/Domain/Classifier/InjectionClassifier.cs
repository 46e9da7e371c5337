using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Scores injection likelihood with a shipped linear model: whole texts for the input rail, each segment of a chunk
/// for the context rail (the chunk scores as its most suspicious segment). A score of 0.5 is the calibrated
/// operating point.
/// </summary>
public sealed class InjectionClassifier(LinearModel model, TrainingFingerprint fingerprint)
{
    [ThreadStatic]
    private static FeatureVector? t_features;

    private readonly HashedFeaturizer _featurizer = new(model.Bits);

    public LinearModel Model { get; } = model;

    public TrainingFingerprint Fingerprint { get; } = fingerprint;

    public double ScoreText(string folded)
    {
        var features = Buffer();
        _featurizer.Featurize(folded, features);
        return Model.Score(features);
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
        var features = Buffer();
        FeaturizeSegment(_featurizer, folded, segment, features);
        return Model.Score(features);
    }

    /// <summary>
    /// The features of one segment: its text plus its structure (shared with the trainer). Each structural feature is
    /// repeated about sqrt(n) times for n text features, so after the 1/sqrt(count) scaling it weighs as much in a long
    /// line as in a short one instead of drowning among hundreds of n-grams.
    /// </summary>
    public static void FeaturizeSegment(HashedFeaturizer featurizer, string folded, TextSegment segment, FeatureVector into)
    {
        featurizer.Featurize(folded.AsSpan(segment.Start, segment.Length), into);
        var repeat = Math.Max(1, (int)Math.Round(Math.Sqrt(into.Count)));
        var traits = segment.Traits;
        foreach (var trait in AllTraits)
        {
            if (traits.HasFlag(trait))
            {
                featurizer.AddToken(TraitNames[trait], into, repeat);
            }
        }

        if (traits.HasFlag(SegmentTraits.Imperative) && traits.HasFlag(SegmentTraits.AddressesReader))
        {
            featurizer.AddToken("trait:imperative+reader", into, repeat);
        }

        if ((traits & (SegmentTraits.ProseInTable | SegmentTraits.ProseInCode)) != 0
            && (traits & (SegmentTraits.Imperative | SegmentTraits.Question)) != 0)
        {
            featurizer.AddToken("trait:instruction-out-of-place", into, repeat);
        }
    }

    private static readonly SegmentTraits[] AllTraits = [.. Enum.GetValues<SegmentTraits>().Where(t => t != SegmentTraits.None)];

    private static readonly Dictionary<SegmentTraits, string> TraitNames = AllTraits.ToDictionary(t => t, t => "trait:" + t);

    private static FeatureVector Buffer()
    {
        var features = t_features ??= new FeatureVector();
        features.Clear();
        return features;
    }
}
