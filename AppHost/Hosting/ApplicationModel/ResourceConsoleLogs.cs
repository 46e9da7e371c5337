using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SecureRag.Hosting.ApplicationModel;

/// <summary>
/// The recent console output of every resource instance, in bounded buffers (<see cref="AppHostOptions.ConsoleBufferLines"/>
/// lines each), optionally echoed to the AppHost's console as <c>[gateway-0] line</c>.
/// </summary>
public sealed class ResourceConsoleLogs(IOptions<AppHostOptions> options, TimeProvider timeProvider)
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow];

    private static readonly Lock ConsoleGate = new();
    private readonly ConcurrentDictionary<string, Buffer> _buffers = new();
    private readonly AppHostOptions _options = options.Value;
    private readonly Lock _subscribersGate = new();
    private readonly List<ChannelWriter<ConsoleLine>> _subscribers = [];
    private long _sequence;

    /// <summary>How many lines a subscriber may fall behind before it loses the oldest of them.</summary>
    public const int SubscriberBufferLines = 4_096;

    /// <summary>The buffered lines of an instance (<c>gateway-0</c>) or of all instances of a resource (<c>gateway</c>).</summary>
    public IReadOnlyList<ConsoleLine> GetLines(string name)
    {
        if (_buffers.TryGetValue(name, out var buffer))
        {
            return buffer.Snapshot();
        }

        return [.. _buffers.Values.Where(b => b.Resource == name).SelectMany(b => b.Snapshot()).OrderBy(l => l.Sequence)];
    }

    /// <summary>The last <paramref name="count"/> lines of an instance or a resource.</summary>
    public IReadOnlyList<ConsoleLine> Tail(string name, int count)
    {
        var lines = GetLines(name);
        return lines.Count <= count ? lines : [.. lines.Skip(lines.Count - count)];
    }

    internal void Append(string resource, string instance, string text, bool isError)
    {
        var buffer = _buffers.GetOrAdd(instance, _ => new Buffer(resource, _options.ConsoleBufferLines));
        ConsoleLine line;
        // One gate numbers, buffers and publishes each line, so subscribers see the lines in sequence order and a
        // subscriber can replay the buffer up to where its live stream starts without a gap or a repeat.
        lock (_subscribersGate)
        {
            line = new ConsoleLine(timeProvider.GetUtcNow(), instance, text, isError) { Resource = resource, Sequence = ++_sequence };
            buffer.Add(line);
            foreach (var subscriber in _subscribers)
            {
                subscriber.TryWrite(line);
            }
        }

        if (_options.ForwardConsoleOutput)
        {
            Echo(resource, line);
        }
    }

    /// <summary>
    /// Streams every line appended after enumeration starts, until <paramref name="cancellationToken"/> is cancelled;
    /// given <paramref name="replayAfter"/>, first the buffered lines whose <see cref="ConsoleLine.Sequence"/> is greater,
    /// with no gap or repeat between them and the live lines. A subscriber that falls more than
    /// <see cref="SubscriberBufferLines"/> lines behind loses the oldest ones rather than slowing the processes' output down.
    /// </summary>
    public async IAsyncEnumerable<ConsoleLine> SubscribeAsync(long? replayAfter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ConsoleLine>(new BoundedChannelOptions(SubscriberBufferLines)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_subscribersGate)
        {
            if (replayAfter is { } after)
            {
                foreach (var line in _buffers.Values.SelectMany(b => b.Snapshot()).Where(l => l.Sequence > after).OrderBy(l => l.Sequence))
                {
                    channel.Writer.TryWrite(line);
                }
            }

            _subscribers.Add(channel.Writer);
        }

        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
        finally
        {
            lock (_subscribersGate)
            {
                _subscribers.Remove(channel.Writer);
            }
        }
    }

    /// <summary>Writes a block of text (the resource table) to the console, without interleaving with echoed lines.</summary>
    internal static void WriteBlock(string text)
    {
        lock (ConsoleGate)
        {
            Console.Out.WriteLine(text);
        }
    }

    private static void Echo(string resource, ConsoleLine line)
    {
        lock (ConsoleGate)
        {
            if (Console.IsOutputRedirected)
            {
                Console.Out.WriteLine($"[{line.Instance}] {line.Text}");
                return;
            }

            Console.ForegroundColor = Palette[(int)((uint)StableHash(resource) % Palette.Length)];
            Console.Out.Write($"[{line.Instance}] ");
            Console.ResetColor();
            Console.Out.WriteLine(line.Text);
        }
    }

    // string.GetHashCode is randomised per process; a colour should not change between runs.
    private static int StableHash(string value) => value.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private sealed class Buffer(string resource, int capacity)
    {
        private readonly Queue<ConsoleLine> _lines = new();
        private readonly Lock _gate = new();

        public string Resource { get; } = resource;

        public void Add(ConsoleLine line)
        {
            lock (_gate)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line);
            }
        }

        public IReadOnlyList<ConsoleLine> Snapshot()
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }
}
