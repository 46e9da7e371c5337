namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>Digits and symbols standing in for letters ("1gn0r3 pr3v10u5").</summary>
public static class Leetspeak
{
    public static char Map(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        _ => '\0',
    };

    public static bool IsSymbol(char c) => c is '@' or '$' or '!' or '|';
}
