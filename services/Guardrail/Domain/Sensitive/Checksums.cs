namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>The check-digit algorithms that tell real identifiers from look-alikes.</summary>
public static class Checksums
{
    /// <summary>Luhn (ISO/IEC 7812) over the digits of <paramref name="text"/>, ignoring separators.</summary>
    public static bool Luhn(ReadOnlySpan<char> text)
    {
        int sum = 0, count = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var d = text[i] - '0';
            if (count++ % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return count > 0 && sum % 10 == 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to 10–35, the number mod 97 is 1.</summary>
    public static bool IbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = char.ToUpperInvariant(iban[(i + 4) % iban.Length]);
            if (char.IsAsciiDigit(c))
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>
    /// Japanese individual number (My Number): twelve digits, the last a check digit over the first eleven with
    /// weights 2–7 then 2–6 from the right; remainder 0 or 1 gives 0, otherwise 11 minus the remainder.
    /// </summary>
    public static bool MyNumber(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 12)
        {
            return false;
        }

        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var p = digits[11 - n] - '0';
            var q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }

        var remainder = sum % 11;
        var check = remainder <= 1 ? 0 : 11 - remainder;
        return digits[11] - '0' == check;
    }

    /// <summary>A US SSN as issued: area not 000, 666 or 900–999; group not 00; serial not 0000.</summary>
    public static bool SsnValid(int area, int group, int serial) =>
        area is > 0 and < 900 and not 666 && group > 0 && serial > 0;
}
