using System.Globalization;
using System.Text.Json;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>Builds <see cref="JsonParser"/>'s records from reader tokens, keeping only the current path in memory.</summary>
internal sealed class JsonRecordBuilder(int linesPerBlock, ParseLimits limits)
{
    private readonly List<Frame> _stack = [];
    private readonly List<string> _lines = [];
    private readonly List<Block> _ready = [];
    private string? _property;
    private string? _section;
    private long _chars;

    public int Depth => _stack.Count;

    public void Accept(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                _property = reader.GetString();
                return;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var segment = NextSegment();
                if (_stack.Count == 1)
                {
                    _section = "$" + segment;
                }

                _stack.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, segment));
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                _stack.RemoveAt(_stack.Count - 1);
                if (_stack.Count <= 1)
                {
                    EndRecord();
                }

                return;
            case JsonTokenType.Comment or JsonTokenType.None:
                return;
        }

        var name = NextSegment();
        var value = Scalar(ref reader);
        if (value.Length == 0)
        {
            return;
        }

        if (_stack.Count <= 1)
        {
            _section = "$" + name;
            AddLine(_stack.Count == 0 ? value : $"{name.TrimStart('.')}: {value}");
            EndRecord();
            return;
        }

        var path = string.Concat(_stack.Skip(2).Select(f => f.Segment)) + name;
        AddLine($"{path.TrimStart('.')}: {value}");
    }

    public void Finish() => EndRecord();

    public IReadOnlyList<Block> Drain()
    {
        var blocks = _ready.ToArray();
        _ready.Clear();
        return blocks;
    }

    private string NextSegment()
    {
        if (_stack.Count == 0)
        {
            return "";
        }

        var parent = _stack[^1];
        return parent.IsArray ? $"[{parent.Index++}]" : $".{_property}";
    }

    private void AddLine(string line)
    {
        _chars += line.Length;
        if (_chars > limits.MaxExtractedChars)
        {
            throw new DocumentRejectedException(RejectionCode.ExpansionLimit, $"The document yields more than {limits.MaxExtractedChars} characters of text.");
        }

        _lines.Add(line);
        if (_lines.Count >= linesPerBlock)
        {
            EndRecord();
        }
    }

    private void EndRecord()
    {
        if (_lines.Count > 0)
        {
            _ready.Add(Block.List([.. _lines], section: _section));
            _lines.Clear();
        }
    }

    private static string Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? "",
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "",
    };

    private sealed class Frame(bool isArray, string segment)
    {
        public bool IsArray { get; } = isArray;

        public string Segment { get; } = segment;

        public int Index { get; set; }
    }
}
