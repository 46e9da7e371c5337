using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Tests.Normalization;

public sealed class TokenRunsTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(1)]
    [InlineData(64)]
    public void FindsEveryMaximalRunOfTheMinimumLengthInOrder(int minLength)
    {
        var random = new Random(minLength);
        for (var round = 0; round < 300; round++)
        {
            // Runs of every length around the minimum and the 64-character blocks, between separators and non-ASCII.
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ =>
                new string([.. Enumerable.Range(0, random.Next(0, 150)).Select(_ => "aZ09+/-=_"[random.Next(9)])])
                + " .,é\n中"[random.Next(6)]));

            Assert.Equal(Reference(text, minLength), Found(text, minLength));
        }
    }

    [Fact]
    public void AKeyInProseIsOneRun()
    {
        const string text = "the key is AKIAIOSFODNN7EXAMPLEwJalrXUtnFEMI/K7MDENG=, keep it safe";

        Assert.Equal([(11, 42)], Found(text, 16));
    }

    private static List<(int Start, int Length)> Found(string text, int minLength)
    {
        var runs = new List<(int, int)>();
        var from = 0;
        while (TokenRuns.Next(text, minLength, ref from, out var start, out var length))
        {
            runs.Add((start, length));
        }

        return runs;
    }

    private static List<(int Start, int Length)> Reference(string text, int minLength)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            var end = i;
            while (end < text.Length && text[end] < 128 && (char.IsAsciiLetterOrDigit(text[end]) || "+/-=_".Contains(text[end])))
            {
                end++;
            }

            if (end - i >= minLength)
            {
                runs.Add((i, end - i));
            }

            i = Math.Max(end, i + 1);
        }

        return runs;
    }
}
