using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SecureRag.Guardrail.Domain.Detectors;

namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>
/// Finds personal data by format and validates it: cards by Luhn and issuer prefix, IBANs by mod 97 and country
/// length, SSNs by issuance rules, My Numbers by check digit, IP addresses by parsing. Phone numbers have no
/// checksum, so dates, SSN and card shapes and bare digit runs without a phone word nearby are excluded.
/// </summary>
internal static partial class PersonalDataFinder
{
    public static void Find(string text, SensitiveKinds kinds, List<SensitiveSpan> into)
    {
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        if (kinds.HasFlag(SensitiveKinds.Email) && text.Contains('@'))
        {
            foreach (Match m in EmailPattern().Matches(text))
            {
                into.Add(new(RuleIds.Email, m.Index, m.Length, 0.95, 7, "E-mail address"));
            }
        }

        if (!hasDigit)
        {
            return;
        }

        if (kinds.HasFlag(SensitiveKinds.Iban))
        {
            FindIbans(text, into);
        }

        if (kinds.HasFlag(SensitiveKinds.Card))
        {
            foreach (Match m in CardPattern().Matches(text))
            {
                if (IsCard(m.ValueSpan))
                {
                    into.Add(new(RuleIds.Card, m.Index, m.Length, 0.95, 4, "Payment card number (Luhn-valid)"));
                }
            }
        }

        if (kinds.HasFlag(SensitiveKinds.Ssn))
        {
            FindSsns(text, into);
        }

        if (kinds.HasFlag(SensitiveKinds.MyNumber))
        {
            foreach (Match m in MyNumberPattern().Matches(text))
            {
                var digits = Digits(m.ValueSpan);
                var context = HasContext(text, m.Index, MyNumberWords());
                if (Checksums.MyNumber(digits) && (context || m.Length > 12))
                {
                    into.Add(new(RuleIds.MyNumber, m.Index, m.Length, context ? 0.95 : 0.7, 6, "Japanese My Number (check digit valid)"));
                }
            }
        }

        if (kinds.HasFlag(SensitiveKinds.IpAddress))
        {
            FindIps(text, into);
        }

        if (kinds.HasFlag(SensitiveKinds.Phone))
        {
            foreach (Match m in PhonePattern().Matches(text))
            {
                var score = PhoneScore(text, m);
                if (score > 0)
                {
                    into.Add(new(RuleIds.Phone, m.Index, m.Length, score, 9, "Phone number"));
                }
            }
        }
    }

    private static void FindIbans(string text, List<SensitiveSpan> into)
    {
        Span<char> compact = stackalloc char[34];
        foreach (Match m in IbanStartPattern().Matches(text))
        {
            // Collect the IBAN's characters (single spaces allowed between groups) up to the country's length.
            var expected = IbanLengths.For(m.ValueSpan[..2]);
            var n = 0;
            var end = m.Index;
            var lastValidEnd = -1;
            var lastValidLength = 0;
            for (var i = m.Index; i < text.Length && n < 34; i++)
            {
                var c = text[i];
                if (c == ' ' && n >= 4 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
                {
                    continue;
                }

                if (!char.IsAsciiLetterOrDigit(c))
                {
                    break;
                }

                compact[n++] = c;
                end = i + 1;
                var wordEnds = end >= text.Length || !char.IsAsciiLetterOrDigit(text[end]);
                if (n >= 15 && (expected == 0 || n == expected) && wordEnds && Checksums.IbanMod97(compact[..n]))
                {
                    lastValidEnd = end;
                    lastValidLength = n;
                }

                if (expected != 0 && n == expected)
                {
                    break;
                }
            }

            if (lastValidEnd > 0 && lastValidLength >= 15)
            {
                into.Add(new(RuleIds.Iban, m.Index, lastValidEnd - m.Index, 0.97, 3, "IBAN (mod-97 valid)"));
            }
        }
    }

    private static bool IsCard(ReadOnlySpan<char> value)
    {
        var digits = Digits(value);
        if (digits.Length is < 12 or > 19 || !Checksums.Luhn(digits) || digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0)
        {
            return false;
        }

        // Issuer prefixes: Visa 4, Mastercard 2/5, Amex and Diners 3, Discover/UnionPay/Maestro 6, Maestro 50, old JCB 1800 and 2131.
        var prefixOk = digits[0] is '2' or '3' or '4' or '5' or '6' || digits.StartsWith("1800", StringComparison.Ordinal);
        return prefixOk && HasCardGrouping(value);
    }

    /// <summary>Contiguous digits, or groups of 4 (Amex 4-6-5) with one kind of separator.</summary>
    private static bool HasCardGrouping(ReadOnlySpan<char> value)
    {
        var separator = value.IndexOfAnyExceptInRange('0', '9');
        if (separator < 0)
        {
            return true;
        }

        var sep = value[separator];
        var groups = new List<int>();
        foreach (var range in value.Split(sep))
        {
            groups.Add(range.End.Value - range.Start.Value);
        }

        return groups.Count >= 3 && groups.Take(groups.Count - 1).All(g => g is 4 or 5 or 6) && groups[^1] is >= 1 and <= 6;
    }

    private static void FindSsns(string text, List<SensitiveSpan> into)
    {
        foreach (Match m in SsnPattern().Matches(text))
        {
            var area = int.Parse(m.Groups["area"].ValueSpan);
            var group = int.Parse(m.Groups["group"].ValueSpan);
            var serial = int.Parse(m.Groups["serial"].ValueSpan);
            var separated = m.Groups["sep"].Length > 0;
            var context = HasContext(text, m.Index, SsnWords());
            if (Checksums.SsnValid(area, group, serial) && (context || (separated && m.Groups["sep"].ValueSpan[0] == '-')))
            {
                into.Add(new(RuleIds.Ssn, m.Index, m.Length, context ? 0.95 : 0.85, 5, "US social security number"));
            }
        }
    }

    private static void FindIps(string text, List<SensitiveSpan> into)
    {
        foreach (Match m in Ipv4Pattern().Matches(text))
        {
            into.Add(new(RuleIds.IpAddress, m.Index, m.Length, 0.9, 8, "IPv4 address"));
        }

        if (!text.Contains(':'))
        {
            return;
        }

        foreach (Match m in Ipv6Pattern().Matches(text))
        {
            var groups = m.Value.Split(':', StringSplitOptions.RemoveEmptyEntries).Length;
            if (groups >= 3 && IPAddress.TryParse(m.ValueSpan, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                into.Add(new(RuleIds.IpAddress, m.Index, m.Length, 0.9, 8, "IPv6 address"));
            }
        }
    }

    /// <summary>0 when the match is not a phone number; otherwise higher with a country code, area code or phone word.</summary>
    private static double PhoneScore(string text, Match m)
    {
        var value = m.ValueSpan;
        var digits = Digits(value);
        if (digits.Length is < 7 or > 15 || DatePattern().IsMatch(value) || SsnShapePattern().IsMatch(value)
            || Ipv4ShapePattern().IsMatch(value) || YearsPattern().IsMatch(value) || CardGroupsPattern().IsMatch(value))
        {
            return 0;
        }

        var formatted = value.IndexOfAny('+', '(') >= 0;
        var separated = value.IndexOfAny(' ', '-', '.') >= 0;
        var context = HasContext(text, m.Index, PhoneWords());
        if (formatted || context)
        {
            return 0.9;
        }

        if (!separated)
        {
            // A bare digit run is an order number as often as a phone number.
            return 0;
        }

        return digits.Length >= 8 ? 0.75 : 0.6;
    }

    private static bool HasContext(string text, int index, Regex words)
    {
        var start = Math.Max(0, index - 40);
        return words.IsMatch(text.AsSpan(start, index - start));
    }

    private static string Digits(ReadOnlySpan<char> value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                buffer[n++] = c;
            }
        }

        return buffer[..n].ToString();
    }

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex IbanStartPattern();

    [GeneratedRegex(@"(?<![\w-])(?<area>\d{3})(?<sep>[- ]?)(?<group>\d{2})\k<sep>(?<serial>\d{4})(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"(?<![\w-]|\d[ -])\d{4}([ -]?)\d{4}\1\d{4}(?![\w-]|[ -]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MyNumberPattern();

    [GeneratedRegex(@"(?<![\w.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Pattern();

    // Optional country code, optional (area) or (0), then digit groups with one kind of separator, optional extension.
    [GeneratedRegex(@"(?<![\w+.\-/])(?:(?:\+|00)\d{1,3}[ .\-]?)?(?:\(\d{1,4}\)[ .\-]?){0,2}\d{2,12}(?:(?<sep>[ .\-])\d{1,6}(?:\k<sep>\d{1,6}){0,4})?(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w\-/]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{3}[- ]\d{2}[- ]\d{4}$")]
    private static partial Regex SsnShapePattern();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,3}){3}$")]
    private static partial Regex Ipv4ShapePattern();

    [GeneratedRegex(@"^(?:(?:19|20)\d\d[ \-]?)+$")]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"^\d{4}[ -]\d{4}[ -]\d{4}")]
    private static partial Regex CardGroupsPattern();

    [GeneratedRegex(@"(?i)(?:phone|tel\b|tel\.|telephone|mobile|cell|fax|desk|office|call|contact|number|no\.|nummer|telefon|handy|t[ée]l[ée]phone|portable|tel[ée]fono|m[óo]vil|celular|電話|携帯|whatsapp|sms|reach me|text me|dial)")]
    private static partial Regex PhoneWords();

    [GeneratedRegex(@"(?i)(?:ssn|social security|soc\.? sec|tax id|tin\b)")]
    private static partial Regex SsnWords();

    [GeneratedRegex(@"(?i)(?:マイナンバー|個人番号|my ?number|individual number)")]
    private static partial Regex MyNumberWords();
}
