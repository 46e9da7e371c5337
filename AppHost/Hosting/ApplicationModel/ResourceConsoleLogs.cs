using System.Collections.Concurrent;
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

    /// <summary>The buffered lines of an instance (<c>gateway-0</c>) or of all instances of a resource (<c>gateway</c>).</summary>
    public IReadOnlyList<ConsoleLine> GetLines(string name)
    {
        if (_buffers.TryGetValue(name, out var buffer))
        {
            return buffer.Snapshot();
        }

        return [.. _buffers.Values.Where(b => b.Resource == name).SelectMany(b => b.Snapshot()).OrderBy(l => l.Timestamp)];
    }

    /// <summary>The last <paramref name="count"/> lines of an instance or a resource.</summary>
    public IReadOnlyList<ConsoleLine> Tail(string name, int count)
    {
        var lines = GetLines(name);
        return lines.Count <= count ? lines : [.. lines.Skip(lines.Count - count)];
    }

    internal void Append(string resource, string instance, string text, bool isError)
    {
        var line = new ConsoleLine(timeProvider.GetUtcNow(), instance, text, isError);
        _buffers.GetOrAdd(instance, _ => new Buffer(resource, _options.ConsoleBufferLines)).Add(line);
        if (_options.ForwardConsoleOutput)
        {
            Echo(resource, line);
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
