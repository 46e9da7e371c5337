using System.Text;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>Turns the tag and text events of <see cref="HtmlParser"/> into blocks.</summary>
internal sealed class HtmlBlockBuilder
{
    private static readonly HashSet<string> BlockTags =
    [
        "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "main", "nav", "p", "section",
        "summary", "caption", "center",
    ];

    private readonly StringBuilder _inline = new();
    private readonly List<Block> _ready = [];
    private readonly List<string> _items = [];
    private readonly List<string> _rows = [];
    private readonly List<string> _cells = [];
    private string? _header;
    private bool _rowHasHeaderCell;
    private bool _inCell;
    private bool _inItem;
    private int _headingLevel;
    private int _listDepth;
    private int _tableDepth;
    private int _preDepth;

    public void Text(string text)
    {
        if (_preDepth > 0)
        {
            _inline.Append(text);
            return;
        }

        foreach (var c in text)
        {
            var whitespace = char.IsWhiteSpace(c);
            if (!whitespace || (_inline.Length > 0 && _inline[^1] != ' '))
            {
                _inline.Append(whitespace ? ' ' : c);
            }
        }
    }

    public void Open(string tag)
    {
        switch (tag)
        {
            case "br":
                _inline.Append(_preDepth > 0 ? "\n" : " ");
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                FlushInline();
                _headingLevel = tag[1] - '0';
                return;
            case "pre":
                FlushInline();
                _preDepth++;
                return;
            case "ul" or "ol":
                FlushInline();
                EndItem();
                _listDepth++;
                return;
            case "li":
                EndItem();
                _inItem = _listDepth > 0;
                return;
            case "table":
                FlushInline();
                _tableDepth++;
                return;
            case "tr" when _tableDepth == 1:
                EndRow();
                return;
            case "td" or "th" when _tableDepth == 1:
                EndCell();
                _inCell = true;
                _rowHasHeaderCell |= tag == "th";
                return;
        }

        if (BlockTags.Contains(tag))
        {
            FlushInline();
        }
    }

    public void Close(string tag)
    {
        switch (tag)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when _headingLevel > 0:
                var heading = TakeInline();
                if (heading.Length > 0)
                {
                    _ready.Add(Block.Heading(heading, _headingLevel));
                }

                _headingLevel = 0;
                return;
            case "pre" when _preDepth > 0:
                _preDepth--;
                if (_preDepth == 0)
                {
                    var code = _inline.ToString().Trim('\n', '\r');
                    _inline.Clear();
                    if (code.Trim().Length > 0)
                    {
                        _ready.Add(new Block(BlockKind.Code, code));
                    }
                }

                return;
            case "li":
                EndItem();
                return;
            case "ul" or "ol" when _listDepth > 0:
                EndItem();
                _listDepth--;
                if (_listDepth == 0 && _items.Count > 0)
                {
                    _ready.Add(Block.List([.. _items]));
                    _items.Clear();
                }

                return;
            case "td" or "th" when _tableDepth == 1:
                EndCell();
                return;
            case "tr" when _tableDepth == 1:
                EndRow();
                return;
            case "table" when _tableDepth > 0:
                if (_tableDepth == 1)
                {
                    EndRow();
                    if (_rows.Count > 0 || _header is not null)
                    {
                        _ready.Add(Block.Table(_header, [.. _rows]));
                    }

                    _rows.Clear();
                    _header = null;
                }

                _tableDepth--;
                return;
        }

        if (BlockTags.Contains(tag))
        {
            FlushInline();
        }
    }

    public void Finish()
    {
        EndItem();
        if (_items.Count > 0)
        {
            _ready.Add(Block.List([.. _items]));
            _items.Clear();
        }

        EndRow();
        if (_rows.Count > 0 || _header is not null)
        {
            _ready.Add(Block.Table(_header, [.. _rows]));
            _rows.Clear();
        }

        _headingLevel = 0;
        _preDepth = 0;
        _tableDepth = 0;
        FlushInline();
    }

    public IReadOnlyList<Block> Drain()
    {
        if (_ready.Count == 0)
        {
            return [];
        }

        var blocks = _ready.ToArray();
        _ready.Clear();
        return blocks;
    }

    /// <summary>A block boundary: the text so far is a paragraph, unless it belongs to a cell, list item or heading.</summary>
    private void FlushInline()
    {
        if (_inCell || _inItem || _headingLevel > 0 || _tableDepth > 0 || _preDepth > 0)
        {
            if (_inline.Length > 0 && _inline[^1] != ' ')
            {
                _inline.Append(' ');
            }

            return;
        }

        var text = TakeInline();
        if (text.Length > 0)
        {
            _ready.Add(Block.Paragraph(text));
        }
    }

    private void EndItem()
    {
        if (!_inItem)
        {
            return;
        }

        _inItem = false;
        var text = TakeInline();
        if (text.Length > 0)
        {
            _items.Add(text);
        }
    }

    private void EndCell()
    {
        if (_inCell)
        {
            _cells.Add(TakeInline());
            _inCell = false;
        }
    }

    private void EndRow()
    {
        EndCell();
        if (_cells.Count == 0)
        {
            return;
        }

        var row = string.Join(" | ", _cells);
        if (_header is null && _rows.Count == 0 && _rowHasHeaderCell)
        {
            _header = row;
        }
        else
        {
            _rows.Add(row);
        }

        _cells.Clear();
        _rowHasHeaderCell = false;
    }

    private string TakeInline()
    {
        var text = _inline.ToString().Trim();
        _inline.Clear();
        return text;
    }
}
