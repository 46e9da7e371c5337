namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Cyrillic, Greek and other letters that look like Latin ones (after lower-casing). Folded only inside words that
/// also contain Latin letters, so genuine Russian or Greek text is left alone.
/// </summary>
public static class Homoglyphs
{
    private const string From = "аеёкмнорстухвіїјѕԁԛԝһɡոսαβεικνορτυχγ";
    private const string To = "aeekmhopctyxbiijsdqwhgnuabeikvoptuxy";

    private static readonly Dictionary<char, char> Map = From.Zip(To).ToDictionary(p => p.First, p => p.Second);

    public static bool TryMap(char c, out char latin) => Map.TryGetValue(c, out latin);

    public static bool IsConfusable(char c) => c >= '\u0250' && Map.ContainsKey(c);
}
