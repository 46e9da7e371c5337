namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Per-character folding, built once: lower case, compatibility forms (fullwidth, mathematical, enclosed, small
/// capitals, modifier letters), Latin diacritics, typographic punctuation, whitespace and invisible characters.
/// The runtime runs in invariant globalisation mode, where <see cref="string.Normalize()"/> does nothing, so the
/// NFKC subset that matters for matching is spelled out here.
/// </summary>
public static class CharFolding
{
    /// <summary>The character is removed (zero-width, bidirectional control, variation selector, control).</summary>
    public const char Drop = '\uFFFF';

    /// <summary>The character folds to more than one character; see <see cref="Expansion"/>.</summary>
    public const char Expand = '\uFFFE';

    public static char Fold(char c) => Map[c];

    public static string Expansion(char c) => c switch
    {
        'ß' or 'ẞ' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ĳ' or 'Ĳ' => "ij",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' or 'ﬆ' => "st",
        '…' => "...",
        _ => c.ToString(),
    };

    /// <summary>Characters outside the BMP that fold to one ASCII letter or digit (mathematical, enclosed).</summary>
    public static bool TryFoldAstral(int codePoint, out char folded)
    {
        folded = codePoint switch
        {
            >= 0x1D400 and <= 0x1D6A3 => (char)('a' + (codePoint - 0x1D400) % 52 % 26),
            >= 0x1D7CE and <= 0x1D7FF => (char)('0' + (codePoint - 0x1D7CE) % 10),
            >= 0x1F130 and <= 0x1F149 => (char)('a' + codePoint - 0x1F130),
            >= 0x1F150 and <= 0x1F169 => (char)('a' + codePoint - 0x1F150),
            >= 0x1F170 and <= 0x1F189 => (char)('a' + codePoint - 0x1F170),
            >= 0x1F1E6 and <= 0x1F1FF => (char)('a' + codePoint - 0x1F1E6),
            >= 0xE0100 and <= 0xE01EF => Drop,
            _ => '\0',
        };
        return folded != '\0';
    }

    /// <summary>Unicode tag characters (U+E0020–U+E007E) mirror ASCII invisibly ("ASCII smuggling").</summary>
    public static bool IsTagCharacter(int codePoint) => codePoint is >= 0xE0000 and <= 0xE007F;

    /// <summary>Which signal a dropped character raises, if any.</summary>
    public static NormalizationSignals SignalOf(char c) => c switch
    {
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF'
            or '\u00AD' or '\u180E' or '\u034F' or '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u17B4'
            or '\u17B5' => NormalizationSignals.ZeroWidth,
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => NormalizationSignals.BidiControls,
        _ => NormalizationSignals.None,
    };

    private static char[] Build()
    {
        var map = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            map[i] = char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);
        }

        foreach (var (letters, baseLetter) in Diacritics)
        {
            foreach (var c in letters)
            {
                map[c] = baseLetter;
                map[char.ToUpperInvariant(c)] = baseLetter;
            }
        }

        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            map[c] = char.ToLowerInvariant((char)(c - 0xFEE0));
        }

        for (var i = 0; i < 26; i++)
        {
            map[0x24B6 + i] = (char)('a' + i);
            map[0x24D0 + i] = (char)('a' + i);
            map[0x249C + i] = (char)('a' + i);
        }

        for (var i = 0; i < 26; i++)
        {
            map[SmallCapitals[i]] = (char)('a' + i);
            map[ModifierLetters[i]] = (char)('a' + i);
        }

        foreach (var c in "‘’‚‛′`´") { map[c] = '\''; }
        foreach (var c in "“”„‟″«»") { map[c] = '"'; }
        foreach (var c in "‐‑‒–—―−") { map[c] = '-'; }
        foreach (var c in "ßẞæÆœŒĳĲﬀﬁﬂﬃﬄﬅﬆ…") { map[c] = Expand; }

        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsWhiteSpace(c))
            {
                map[i] = c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029' ? '\n' : ' ';
            }
            else if (char.IsControl(c) || SignalOf(c) != NormalizationSignals.None || c is >= '\uFE00' and <= '\uFE0F'
                     || c is '\u200E' or '\u200F' or '\u061C' or '\uFFFE' or '\uFFFF')
            {
                map[i] = Drop;
            }
        }

        return map;
    }

    // Small capitals and modifier (superscript) letters a–z; '\uFFFF' where Unicode has none.
    private const string SmallCapitals = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡ\uFFFFʏᴢ";
    private const string ModifierLetters = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖ\uFFFFʳˢᵗᵘᵛʷˣʸᶻ";

    private static readonly (string Letters, char Base)[] Diacritics =
    [
        ("àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ", 'a'),
        ("çćĉċčḉ", 'c'),
        ("ďđḋḍḏḑḓ", 'd'),
        ("èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ", 'e'),
        ("ĝğġģǧǵḡ", 'g'),
        ("ĥħȟḣḥḧḩḫẖ", 'h'),
        ("ìíîïĩīĭįıǐȉȋḭḯỉị", 'i'),
        ("ĵǰ", 'j'),
        ("ķǩḱḳḵ", 'k'),
        ("ĺļľŀłḷḹḻḽ", 'l'),
        ("ñńņňǹṅṇṉṋ", 'n'),
        ("òóôõöøōŏőǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợơ", 'o'),
        ("ŕŗřȑȓṙṛṝṟ", 'r'),
        ("śŝşšșṡṣṥṧṩ", 's'),
        ("ţťŧțṫṭṯṱẗ", 't'),
        ("ùúûüũūŭůűųǔǖǘǚǜȕȗưṳṵṷṹṻụủứừửữự", 'u'),
        ("ŵẁẃẅẇẉẘ", 'w'),
        ("ýÿŷȳẏẙỳỵỷỹ", 'y'),
        ("źżžẑẓẕ", 'z'),
    ];

    // Declared after the tables Build reads: static initialisers run in textual order.
    private static readonly char[] Map = Build();
}
