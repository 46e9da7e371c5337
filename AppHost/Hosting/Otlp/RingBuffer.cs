namespace SecureRag.Hosting.Otlp;

/// <summary>
/// A bounded FIFO that can be read by index from either end (the newest first, for pages that list the latest items
/// without copying the whole store). It grows as items arrive, up to its capacity; beyond it the oldest is overwritten.
/// Not thread-safe: the store guards it.
/// </summary>
internal sealed class RingBuffer<T>(int capacity)
{
    private const int InitialSize = 1_024;
    private T[] _items = new T[Math.Min(capacity, InitialSize)];
    private int _head;

    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/>, 0 being the oldest.</summary>
    public T this[int index] => _items[(_head + index) % _items.Length];

    /// <summary>Adds an item; returns whether the buffer was full, and so which (oldest) item it overwrote.</summary>
    public bool Add(T item, out T? overwritten)
    {
        if (Count == capacity)
        {
            overwritten = _items[_head];
            _items[_head] = item;
            _head = (_head + 1) % _items.Length;
            return true;
        }

        overwritten = default;

        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count) % _items.Length] = item;
        Count++;
        return false;
    }

    public T[] ToArray()
    {
        var copy = new T[Count];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = this[i];
        }

        return copy;
    }

    private void Grow()
    {
        var larger = new T[(int)Math.Min(capacity, (long)_items.Length * 2)];
        for (var i = 0; i < Count; i++)
        {
            larger[i] = this[i];
        }

        _items = larger;
        _head = 0;
    }
}
