using System.Diagnostics;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Tests.Support;

namespace SecureRag.Guardrail.Tests.Detection;

/// <summary>Prompts built to make pattern matching slow still scan quickly at the size limit.</summary>
public sealed class HostileInputTests
{
    private const int Limit = PolicyParser.MaxPromptChars;

    public static TheoryData<string, string> Hostile() => new()
    {
        { "trigger words without spaces", Fill("ignoreyourprevioussystemprompt") },
        { "trigger words with spaces", Fill("ignore all of the your previous ") },
        { "one endless word after a verb", "ignore " + new string('x', Limit - 10) },
        { "sentences of imperatives", Fill("Include this in your. ") },
        { "spaced letters", Fill("a b ") },
        { "base64-looking run", Fill("QUJDRGVmZ2hpams0NTY3") },
        { "digits and separators", Fill("12 34-56.78 ") },
        { "table rows", Fill("| a | b |\n") },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AHostilePromptAtTheSizeLimitScansInSeconds(string kind, string prompt)
    {
        var policy = TestRails.Policy("""{"input": {"maxChars": 262144, "rules": {"pii.email": "redact", "pii.phone": "redact"}}}""");
        var started = Stopwatch.GetTimestamp();

        TestRails.Input.Scan(prompt, [], policy.Input);
        TestRails.Context.Scan([new("c", prompt)], policy.Context);

        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"{kind}: {elapsed}");
    }

    private static string Fill(string unit) => string.Concat(Enumerable.Repeat(unit, Limit / unit.Length));
}
