using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SecureRag.Ingestion.Domain.Parsing.Docx;

/// <summary>Which paragraph styles are headings, and of which level: by the style's name or its outline level.</summary>
public static partial class DocxHeadingStyles
{
    public static IReadOnlyDictionary<string, int> Read(StyleDefinitionsPart? part)
    {
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in part?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is not { } id || style.Type?.Value != StyleValues.Paragraph)
            {
                continue;
            }

            if (Level(style.StyleName?.Val?.Value) is { } byName)
            {
                levels[id] = byName;
            }
            else if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
            {
                levels[id] = outline + 1;
            }
        }

        return levels;
    }

    /// <summary>The level a style name or id implies: "heading 2", "Heading2", "Title".</summary>
    public static int? Level(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var match = HeadingName().Match(name);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^heading\s?([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
