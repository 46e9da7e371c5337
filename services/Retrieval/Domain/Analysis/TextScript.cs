namespace SecureRag.Retrieval.Domain.Analysis;

/// <summary>The script that dominates a text: it decides how the text is analysed.</summary>
public enum TextScript
{
    /// <summary>Alphabetic text (and text with no letters): English analysis.</summary>
    Latin,

    /// <summary>Chinese, Japanese or Korean text, which has no spaces between words: character bigrams.</summary>
    Cjk,
}
