namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>The block being built while <see cref="MarkdownParser"/> reads lines.</summary>
internal sealed class MarkdownState
{
    private readonly List<string> _paragraph = [];
    private readonly List<string> _items = [];
    private readonly List<string> _rows = [];
    private readonly List<string> _code = [];
    private string? _tableHeader;
    private string? _fence;

    public IEnumerable<Block> Accept(string line)
    {
        var trimmed = line.Trim();
        if (_fence is not null)
        {
            if (trimmed.StartsWith(_fence, StringComparison.Ordinal))
            {
                _fence = null;
                if (_code.Count > 0)
                {
                    yield return new Block(BlockKind.Code, string.Join('\n', _code));
                }

                _code.Clear();
            }
            else
            {
                _code.Add(line);
            }

            yield break;
        }

        if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
        {
            foreach (var block in Finish())
            {
                yield return block;
            }

            _fence = trimmed[..3];
            yield break;
        }

        var atx = MarkdownParser.AtxHeading(line);
        if (atx.Success)
        {
            foreach (var block in Finish())
            {
                yield return block;
            }

            var text = MarkdownInline.ToText(atx.Groups[2].Value.Trim());
            if (text.Length > 0)
            {
                yield return Block.Heading(text, atx.Groups[1].Length);
            }

            yield break;
        }

        if (_paragraph.Count == 1 && _paragraph[0].Contains('|') && MarkdownParser.IsTableSeparator(trimmed))
        {
            // A pipe table whose rows do not start with a pipe: the line before the separator was its header.
            _tableHeader = string.Join(" | ", _paragraph[0].Trim('|').Split('|').Select(c => c.Trim()));
            _paragraph.Clear();
            yield break;
        }

        if (_paragraph.Count == 1 && _items.Count == 0 && MarkdownParser.IsSetextUnderline(trimmed, out var level))
        {
            var text = _paragraph[0];
            _paragraph.Clear();
            yield return Block.Heading(text, level);
            yield break;
        }

        if (trimmed.Length == 0)
        {
            foreach (var block in Finish())
            {
                yield return block;
            }

            yield break;
        }

        if (trimmed.StartsWith('|') || (_rows.Count > 0 || _tableHeader is not null) && trimmed.Contains('|'))
        {
            foreach (var block in FlushParagraph().Concat(FlushList()))
            {
                yield return block;
            }

            AcceptRow(trimmed);
            yield break;
        }

        var item = MarkdownParser.ListItem(line);
        if (item.Success)
        {
            foreach (var block in FlushParagraph().Concat(FlushTable()))
            {
                yield return block;
            }

            _items.Add(MarkdownInline.ToText(item.Groups[3].Value.Trim()));
            yield break;
        }

        if (_items.Count > 0 && line.StartsWith(' '))
        {
            _items[^1] = $"{_items[^1]} {MarkdownInline.ToText(trimmed)}";
            yield break;
        }

        foreach (var block in FlushList().Concat(FlushTable()))
        {
            yield return block;
        }

        _paragraph.Add(MarkdownInline.ToText(trimmed.TrimStart('>', ' ')));
    }

    public IEnumerable<Block> Finish()
    {
        if (_fence is not null && _code.Count > 0)
        {
            yield return new Block(BlockKind.Code, string.Join('\n', _code));
            _code.Clear();
        }

        foreach (var block in FlushParagraph().Concat(FlushList()).Concat(FlushTable()))
        {
            yield return block;
        }
    }

    private void AcceptRow(string trimmed)
    {
        if (MarkdownParser.IsTableSeparator(trimmed))
        {
            // The row before the separator was the header.
            if (_tableHeader is null && _rows.Count == 1)
            {
                _tableHeader = _rows[0];
                _rows.Clear();
            }

            return;
        }

        var cells = trimmed.Trim('|').Split('|').Select(c => MarkdownInline.ToText(c.Trim()));
        _rows.Add(string.Join(" | ", cells));
    }

    private IEnumerable<Block> FlushParagraph()
    {
        if (_paragraph.Count > 0)
        {
            yield return Block.Paragraph(string.Join(' ', _paragraph));
            _paragraph.Clear();
        }
    }

    private IEnumerable<Block> FlushList()
    {
        if (_items.Count > 0)
        {
            yield return Block.List([.. _items]);
            _items.Clear();
        }
    }

    private IEnumerable<Block> FlushTable()
    {
        if (_rows.Count > 0 || _tableHeader is not null)
        {
            yield return Block.Table(_tableHeader, [.. _rows]);
            _rows.Clear();
            _tableHeader = null;
        }
    }
}
