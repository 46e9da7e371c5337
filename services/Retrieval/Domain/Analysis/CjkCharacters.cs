using System.Globalization;

namespace SecureRag.Retrieval.Domain.Analysis;

public static class CjkCharacters
{
    /// <summary>Han ideographs, kana and Hangul: letters without case, from U+2E80 on.</summary>
    public static bool IsCjk(char c) =>
        c >= '\u2E80' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;
}
