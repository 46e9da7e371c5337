using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SecureRag.Hosting.Dashboard.Rendering;

/// <summary>
/// Builds an HTML document from interpolated strings in which every interpolated value is HTML-encoded, unless it is
/// <see cref="RawHtml"/>: the literal parts are markup, the holes are text. Encoding quotes too makes a hole safe
/// inside a quoted attribute as well.
/// </summary>
internal sealed class HtmlBuilder
{
    // Every script keeps its letters: only markup characters, quotes and controls become entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _text = new(16 * 1024);

    public int Length => _text.Length;

    public HtmlBuilder Append([InterpolatedStringHandlerArgument("")] ref Handler html) => this;

    /// <summary>Markup that is trusted as it is (produced by this code, never by data).</summary>
    public HtmlBuilder Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Encoded text.</summary>
    public HtmlBuilder Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _text.Append(Encoder.Encode(text));
        }

        return this;
    }

    public override string ToString() => _text.ToString();

    [InterpolatedStringHandler]
    public readonly ref struct Handler
    {
        private readonly HtmlBuilder _builder;

        public Handler(int literalLength, int formattedCount, HtmlBuilder builder)
        {
            _ = literalLength;
            _ = formattedCount;
            _builder = builder;
        }

        public void AppendLiteral(string value) => _builder._text.Append(value);

        public void AppendFormatted(RawHtml value) => _builder._text.Append(value.Markup);

        public void AppendFormatted(string? value) => _builder.Text(value);

        public void AppendFormatted<T>(T value) => _builder.Text(value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        });

        public void AppendFormatted<T>(T value, string? format) where T : IFormattable =>
            _builder.Text(value?.ToString(format, CultureInfo.InvariantCulture));
    }
}
