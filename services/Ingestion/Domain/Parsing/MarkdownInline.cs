using System.Text.RegularExpressions;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>Markdown inline syntax reduced to its text: images to their alt text, links to their label, no emphasis marks.</summary>
public static partial class MarkdownInline
{
    public static string ToText(string markdown)
    {
        var text = Image().Replace(markdown, "$1");
        text = Link().Replace(text, "$1");
        text = Emphasis().Replace(text, "$2");
        text = Code().Replace(text, "$1");
        return text;
    }

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();
}
