namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>
/// What makes a text unscannable, as a message a caller can act on: empty, too long, an unpaired UTF-16 surrogate
/// (not representable in UTF-8, so never a real user's text), or a control character other than tab, line feed,
/// carriage return, form feed and vertical tab.
/// </summary>
public static class TextValidator
{
    public static string? Problem(string field, string text, int maxChars, bool allowEmpty = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return allowEmpty && text.Length == 0 ? null : $"{field} is empty.";
        }

        if (text.Length > maxChars)
        {
            return $"{field} is {text.Length} characters; the limit is {maxChars}.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"{field} has an unpaired UTF-16 surrogate (U+{(int)c:X4}) at index {i}.";
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
            {
                return $"{field} contains the control character U+{(int)c:X4} at index {i}; only tab, line feed, carriage return, form feed and vertical tab are allowed.";
            }
        }

        return null;
    }
}
