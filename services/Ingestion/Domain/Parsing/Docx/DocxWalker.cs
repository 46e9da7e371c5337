using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SecureRag.Ingestion.Domain.Parsing.Docx;

/// <summary>Turns the Open XML reader's element events into blocks, keeping only the open paragraph and table.</summary>
internal sealed class DocxWalker(IReadOnlyDictionary<string, int> headingStyles, ParseLimits limits)
{
    private readonly StringBuilder _text = new();
    private readonly List<Block> _ready = [];
    private readonly List<string> _items = [];
    private readonly List<string> _rows = [];
    private readonly List<string> _cells = [];
    private string? _header;
    private int _headingLevel;
    private bool _listItem;
    private int _tableDepth;
    private int _page = 1;
    private long _characters;

    public void Accept(OpenXmlReader reader)
    {
        var type = reader.ElementType;
        if (type == typeof(Paragraph))
        {
            if (reader.IsStartElement)
            {
                if (_tableDepth == 0)
                {
                    _text.Clear();
                }

                _headingLevel = 0;
                _listItem = false;
            }
            else
            {
                EndParagraph();
            }
        }
        else if (type == typeof(ParagraphProperties) && reader.IsStartElement)
        {
            var properties = (ParagraphProperties)reader.LoadCurrentElement()!;
            var style = properties.ParagraphStyleId?.Val?.Value;
            _headingLevel = style is null ? 0 : headingStyles.TryGetValue(style, out var level) ? level : DocxHeadingStyles.Level(style) ?? 0;
            if (_headingLevel == 0 && properties.OutlineLevel?.Val?.Value is { } outline && outline < 9)
            {
                _headingLevel = outline + 1;
            }

            _listItem = properties.NumberingProperties is not null;
        }
        else if (type == typeof(Text) && reader.IsStartElement)
        {
            var text = reader.GetText();
            _characters += text.Length;
            if (_characters > limits.MaxExtractedChars)
            {
                throw new DocumentRejectedException(RejectionCode.ExpansionLimit, $"The document yields more than {limits.MaxExtractedChars} characters of text.");
            }

            _text.Append(text);
        }
        else if (type == typeof(TabChar) && reader.IsStartElement)
        {
            _text.Append('\t');
        }
        else if (type == typeof(Break) && reader.IsStartElement)
        {
            if (reader.Attributes.Any(a => a.LocalName == "type" && a.Value == "page"))
            {
                EndParagraph();
                _page++;
            }
            else
            {
                _text.Append(' ');
            }
        }
        else if (type == typeof(Table))
        {
            OnTable(reader.IsStartElement);
        }
        else if (type == typeof(TableRow) && _tableDepth == 1 && reader.IsEndElement)
        {
            EndRow();
        }
        else if (type == typeof(TableCell) && _tableDepth == 1 && reader.IsEndElement)
        {
            _cells.Add(_text.ToString().Trim());
            _text.Clear();
        }
    }

    public void Finish()
    {
        EndParagraph();
        FlushList();
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

    private void EndParagraph()
    {
        if (_tableDepth > 0)
        {
            // Paragraphs inside a cell make up the cell's text.
            if (_text.Length > 0 && _text[^1] != ' ')
            {
                _text.Append(' ');
            }

            return;
        }

        var text = _text.ToString().Trim();
        _text.Clear();
        if (text.Length == 0)
        {
            return;
        }

        if (_listItem && _headingLevel == 0)
        {
            _items.Add(text);
            return;
        }

        FlushList();
        _ready.Add(_headingLevel > 0 ? Block.Heading(text, _headingLevel, _page) : Block.Paragraph(text, _page));
    }

    private void OnTable(bool start)
    {
        if (start)
        {
            if (_tableDepth == 0)
            {
                FlushList();
                _text.Clear();
            }

            _tableDepth++;
            return;
        }

        _tableDepth--;
        if (_tableDepth == 0)
        {
            EndRow();
            if (_rows.Count > 0 || _header is not null)
            {
                _ready.Add(Block.Table(_header, [.. _rows], _page));
            }

            _rows.Clear();
            _header = null;
        }
    }

    private void EndRow()
    {
        if (_cells.Count == 0)
        {
            return;
        }

        var row = string.Join(" | ", _cells);
        if (_header is null && _rows.Count == 0)
        {
            // Word tables carry no header marker that writers use consistently; the first row is the header.
            _header = row;
        }
        else
        {
            _rows.Add(row);
        }

        _cells.Clear();
    }

    private void FlushList()
    {
        if (_items.Count > 0)
        {
            _ready.Add(Block.List([.. _items], _page));
            _items.Clear();
        }
    }
}
