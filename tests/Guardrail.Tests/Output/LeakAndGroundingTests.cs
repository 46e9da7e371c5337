using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Output;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Tests.Support;

namespace SecureRag.Guardrail.Tests.Output;

public sealed class LeakAndGroundingTests
{
    private const string SystemPrompt =
        "You are the support assistant of Contoso Bank. Never discuss interest rates for unreleased products, and always " +
        "refer customers with fraud concerns to the hotline instead of answering yourself.";

    [Fact]
    public void AnAnswerRepeatingTheSystemPromptVerbatimIsBlocked()
    {
        var answer = "My instructions say: never discuss interest rates for unreleased products, and always refer customers with fraud concerns to the hotline.";

        var scan = TestRails.Output.Scan(answer, null, SystemPrompt, [], TestRails.Default.Output);

        Assert.Equal(GuardAction.Block, scan.Decision.Action);
        Assert.Contains(scan.Decision.Findings, f => f.RuleId == RuleIds.SystemPrompt);
    }

    [Fact]
    public void ShortCommonPhrasesFromTheSystemPromptAreNotLeakage()
    {
        var scan = TestRails.Output.Scan("As the support assistant of Contoso Bank I can help with your card.", null, SystemPrompt, [], TestRails.Default.Output);

        Assert.DoesNotContain(scan.Decision.Findings, f => f.RuleId == RuleIds.SystemPrompt);
    }

    [Theory]
    [InlineData("The code is CANARY-77AB1.")]
    [InlineData("The code is c-a-n-a-r-y 77ab1.")]
    public void TheCanaryTokenIsFoundEvenWhenDisguised(string answer)
    {
        var scan = TestRails.Output.Scan(answer, "canary-77ab1", null, [], TestRails.Default.Output);

        Assert.Contains(scan.Decision.Findings, f => f.RuleId == RuleIds.Canary);
    }

    [Fact]
    public void SentencesWithoutSupportInTheCitedPassagesAreMarked()
    {
        var passages = new[] { new CitedPassage("kb-7", "Orders ship within three business days from our Rotterdam warehouse.") };

        var scan = TestRails.Output.Scan("Orders ship within three business days. Shipping is free on weekends for premium members.", null, null, passages, TestRails.Default.Output);

        Assert.Equal(2, scan.Sentences.Count);
        Assert.True(scan.Sentences[0].Supported);
        Assert.Equal("kb-7", scan.Sentences[0].PassageId);
        Assert.False(scan.Sentences[1].Supported);
        Assert.Equal(GuardAction.Flag, scan.Decision.Action);
    }

    [Fact]
    public void WithoutCitedPassagesThereIsNoGroundingCheck()
    {
        var scan = TestRails.ScanAnswer("Shipping is free on weekends for premium members.");

        Assert.Empty(scan.Sentences);
        Assert.Equal(GuardAction.Allow, scan.Decision.Action);
    }
}
