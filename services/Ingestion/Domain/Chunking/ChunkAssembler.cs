using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>The chunk being filled by <see cref="StructureChunker"/>, and the heading path it sits under.</summary>
internal sealed class ChunkAssembler(ITokenCounter tokens, ChunkingOptions options)
{
    private readonly List<Piece> _pieces = [];
    private readonly List<(int Level, string Text)> _headings = [];
    private Piece? _previousTail;
    private int _ordinal;

    private int Max => options.ChunkTokens;

    /// <summary>Estimated tokens of the chunk: its pieces plus one per separator (re-counted exactly on emit).</summary>
    private int Used => _pieces.Sum(p => p.Tokens) + Math.Max(0, _pieces.Count - 1);

    private bool HasContent => _pieces.Any(p => p.Kind is PieceKind.Content or PieceKind.Row);

    public IEnumerable<Chunk> Add(Block block, int offset)
    {
        var output = new List<Chunk>();
        if (block.Kind == BlockKind.Heading)
        {
            Emit(output);
            _previousTail = null;
            _pieces.RemoveAll(p => p.Kind != PieceKind.Heading);
            while (_headings.Count > 0 && _headings[^1].Level >= block.Level)
            {
                _headings.RemoveAt(_headings.Count - 1);
            }

            _headings.Add((block.Level, block.Text));
            var count = tokens.Count(block.Text);
            if (count <= Max / 4)
            {
                _pieces.Add(new Piece(block.Text, count, offset, offset + block.Text.Length, block.Page, block.Section, PieceKind.Heading));
            }

            // Headings waiting for content never take more than half a chunk; the path keeps them all anyway.
            while (Used > Max / 2 && _pieces.Count > 1)
            {
                _pieces.RemoveAt(0);
            }

            return output;
        }

        foreach (var piece in BlockPieces.Of(block, offset, Max - options.OverlapTokens - 2, tokens))
        {
            Place(piece, output);
        }

        return output;
    }

    public IEnumerable<Chunk> Finish()
    {
        var output = new List<Chunk>();
        Emit(output);
        return output;
    }

    private void Place(Piece piece, List<Chunk> output)
    {
        // A table's header row goes where some of its rows can follow it, never alone at a chunk's end.
        if (piece.Kind == PieceKind.TableHeader && HasContent && Used + piece.Tokens + 1 + (Max / 8) > Max)
        {
            Emit(output);
        }

        if (Fits(piece))
        {
            _pieces.Add(piece);
            return;
        }

        if (HasContent)
        {
            Emit(output);
            Continue(piece);
        }

        // Make room: the overlap goes first, then waiting headings (the path still names them).
        if (!Fits(piece))
        {
            _pieces.RemoveAll(p => p.Kind == PieceKind.Overlap);
        }

        if (!Fits(piece))
        {
            _pieces.RemoveAll(p => p.Kind == PieceKind.Heading);
        }

        _pieces.Add(piece);
    }

    private bool Fits(Piece piece) => Used + piece.Tokens + (_pieces.Count > 0 ? 1 : 0) <= Max;

    /// <summary>The start of a chunk that continues the section: the table's header row, or the previous chunk's end.</summary>
    private void Continue(Piece next)
    {
        if (next.Kind == PieceKind.Row && next.TableHeader is { } header)
        {
            _pieces.Add(new Piece(header, tokens.Count(header), next.Start, next.Start, next.Page, null, PieceKind.TableHeader, header));
            return;
        }

        if (next.Kind == PieceKind.TableHeader || _previousTail is not { Kind: PieceKind.Content } tail || options.OverlapTokens == 0)
        {
            return;
        }

        var overlap = Overlap.Tail(tail.Text, options.OverlapTokens, tokens);
        if (overlap.Length > 0)
        {
            _pieces.Add(new Piece(overlap, tokens.Count(overlap), tail.End - overlap.Length, tail.End, tail.Page, tail.Section, PieceKind.Overlap));
        }
    }

    private void Emit(List<Chunk> output)
    {
        if (!HasContent)
        {
            return;
        }

        var path = _headings.Select(h => h.Text).ToArray();
        var text = Join(_pieces);
        var count = tokens.Count(text);
        var pages = _pieces.Where(p => p.Page is not null).Select(p => p.Page!.Value).ToList();
        var content = _pieces.Where(p => p.Kind is PieceKind.Content or PieceKind.Row).ToList();
        var section = ChunkSections.Combine(content.Select(p => p.Section));
        var start = _pieces.Min(p => p.Start);
        var end = _pieces.Max(p => p.End);
        int? first = pages.Count > 0 ? pages.Min() : null;
        int? last = pages.Count > 0 ? pages.Max() : null;
        if (count <= Max)
        {
            output.Add(new Chunk(_ordinal++, text, count, path, first, last, section, start, end));
        }
        else
        {
            // The estimate was short (tokens merged differently across separators): cut at token boundaries.
            foreach (var slice in Overlap.Slices(text, Max, tokens))
            {
                output.Add(new Chunk(_ordinal++, slice, tokens.Count(slice), path, first, last, section, start, end));
            }
        }

        _previousTail = content[^1];
        _pieces.Clear();
    }

    private static string Join(List<Piece> pieces)
    {
        var parts = new System.Text.StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
            {
                var tight = pieces[i].Kind == PieceKind.Row && pieces[i - 1].Kind is PieceKind.Row or PieceKind.TableHeader;
                parts.Append(tight ? "\n" : StructureChunker.BlockSeparator);
            }

            parts.Append(pieces[i].Text);
        }

        return parts.ToString();
    }
}
