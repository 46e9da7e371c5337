namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// The features of one segment: its text plus its structure (shared with the trainer). Each structural feature is
/// repeated about sqrt(n) times for n text features, so after the 1/sqrt(count) scaling it weighs as much in a long
/// line as in a short one instead of drowning among hundreds of n-grams. The structure tokens' buckets are hashed
/// once here rather than for every segment.
/// </summary>
public sealed class SegmentFeaturizer
{
    private static readonly SegmentTraits[] AllTraits = [.. Enum.GetValues<SegmentTraits>().Where(t => t != SegmentTraits.None)];

    private readonly HashedFeaturizer _featurizer;
    private readonly int[] _traitBuckets;
    private readonly int _imperativeToReader;
    private readonly int _outOfPlace;

    public SegmentFeaturizer(HashedFeaturizer featurizer)
    {
        _featurizer = featurizer;
        _traitBuckets = [.. AllTraits.Select(t => featurizer.TokenBucket("trait:" + t))];
        _imperativeToReader = featurizer.TokenBucket("trait:imperative+reader");
        _outOfPlace = featurizer.TokenBucket("trait:instruction-out-of-place");
    }

    public void Featurize<TSink>(string folded, TextSegment segment, ref TSink into)
        where TSink : IFeatureSink, allows ref struct
    {
        _featurizer.Featurize(folded.AsSpan(segment.Start, segment.Length), ref into);
        var repeat = Math.Max(1, (int)Math.Round(Math.Sqrt(into.Count)));
        var traits = segment.Traits;
        for (var i = 0; i < AllTraits.Length; i++)
        {
            if (traits.HasFlag(AllTraits[i]))
            {
                into.Add(_traitBuckets[i], repeat);
            }
        }

        if (traits.HasFlag(SegmentTraits.Imperative) && traits.HasFlag(SegmentTraits.AddressesReader))
        {
            into.Add(_imperativeToReader, repeat);
        }

        if ((traits & (SegmentTraits.ProseInTable | SegmentTraits.ProseInCode)) != 0
            && (traits & (SegmentTraits.Imperative | SegmentTraits.Question)) != 0)
        {
            into.Add(_outOfPlace, repeat);
        }
    }
}
