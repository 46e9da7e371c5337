using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Tests.Normalization;

public sealed class LetterOrDigitMaskTests
{
    private const string Alphabet = "aZ09 .,!'\n\t-_@[`{|~éßЖж中あ٣\u00A0\u2019\u200B";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    public void MarksExactlyTheLettersAndDigits(int length)
    {
        var random = new Random(length);
        var text = new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
        var bits = new ulong[LetterOrDigitMask.WordsFor(length) + 1];
        Array.Fill(bits, ulong.MaxValue);

        LetterOrDigitMask.Fill(text, bits);

        for (var i = 0; i < length; i++)
        {
            Assert.True(char.IsLetterOrDigit(text[i]) == ((bits[i >> 6] >> (i & 63) & 1) == 1), $"character {i}: U+{(int)text[i]:X4}");
        }
    }

    [Fact]
    public void WalksFromWordToWord()
    {
        var text = "  émigré, 42 " + new string('x', 70) + " 中文 ";
        var bits = new ulong[LetterOrDigitMask.WordsFor(text.Length)];
        LetterOrDigitMask.Fill(text, bits);

        var words = new List<string>();
        for (var start = LetterOrDigitMask.NextSet(bits, 0, text.Length); start < text.Length;)
        {
            var end = LetterOrDigitMask.NextClear(bits, start, text.Length);
            words.Add(text[start..end]);
            start = LetterOrDigitMask.NextSet(bits, end, text.Length);
        }

        Assert.Equal(["émigré", "42", new string('x', 70), "中文"], words);
    }

    [Fact]
    public void AWordRunningToTheEndEndsWithTheText()
    {
        var text = new string('a', 128);
        var bits = new ulong[LetterOrDigitMask.WordsFor(text.Length)];
        LetterOrDigitMask.Fill(text, bits);

        Assert.Equal(0, LetterOrDigitMask.NextSet(bits, 0, text.Length));
        Assert.Equal(text.Length, LetterOrDigitMask.NextClear(bits, 0, text.Length));
        Assert.Equal(text.Length, LetterOrDigitMask.NextSet(bits, text.Length, text.Length));
    }
}
