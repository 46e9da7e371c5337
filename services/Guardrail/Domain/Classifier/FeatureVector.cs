namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// The hashed features of one text (a reusable buffer): feature indices with repeats, plus features that occur many
/// times (structure tokens), kept as index and count so they cost one entry instead of dozens.
/// </summary>
public sealed class FeatureVector : IFeatureSink
{
    private int[] _indices = new int[4096];
    private (int Index, int Times)[] _repeated = new (int, int)[16];
    private int _single;
    private int _repeatedCount;

    /// <summary>All occurrences, repeats included (the 1/sqrt(count) scaling uses it).</summary>
    public int Count { get; private set; }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, _single);

    public ReadOnlySpan<(int Index, int Times)> Repeated => _repeated.AsSpan(0, _repeatedCount);

    public void Clear()
    {
        _single = 0;
        _repeatedCount = 0;
        Count = 0;
    }

    /// <summary>Room for at least <paramref name="more"/> further single entries.</summary>
    public void Reserve(int more)
    {
        if (_single + more > _indices.Length)
        {
            Array.Resize(ref _indices, Math.Max(_indices.Length * 2, _single + more));
        }
    }

    public void Add(int index)
    {
        if (_single == _indices.Length)
        {
            Array.Resize(ref _indices, _indices.Length * 2);
        }

        _indices[_single++] = index;
        Count++;
    }

    public void Add(int index, int times)
    {
        if (_repeatedCount == _repeated.Length)
        {
            Array.Resize(ref _repeated, _repeated.Length * 2);
        }

        _repeated[_repeatedCount++] = (index, times);
        Count += times;
    }

    /// <summary>Every occurrence as one entry (what the trainer iterates).</summary>
    public int[] ToArray()
    {
        var all = new List<int>(Count);
        all.AddRange(Indices);
        foreach (var (index, times) in Repeated)
        {
            all.AddRange(Enumerable.Repeat(index, times));
        }

        return [.. all];
    }
}
