using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Domain;
using SecureRag.Inference.Infrastructure;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.ServiceDefaults.Telemetry;
using DomainPassage = SecureRag.Inference.Domain.Passage;
using SecureRag.TestSupport;

namespace SecureRag.Inference.Tests;

public sealed partial class ExtractiveGeneratorTests
{
    private static readonly string[] Vocabulary =
    [
        "invoice", "refund", "policy", "travel", "expense", "receipt", "manager", "approval", "deadline", "hotel",
        "flight", "limit", "currency", "report", "submit", "within", "days", "employees", "must", "card",
    ];

    private static readonly ExtractiveGenerator Generator = new(
        new TokenCounter(), Options.Create(new InferenceOptions()), new ModelCallTelemetry(new ServiceTelemetry("SecureRag.Inference.Tests.Extractive")));

    private static readonly CallContext Call = new("tenant-1", "user-1", "app-1");

    [Fact]
    public async Task TheAnswerIsOnlySentencesOfThePassagesWithTheirOwnCitations()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var passages = Enumerable.Range(1, random.Next(1, 9)).Select(i => RandomPassage(random, i)).ToList();
            var question = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])) + "?";
            var request = new GenerationRequest("", passages, [], question, random.Next(20, 300), null);

            var result = await Generator.GenerateAsync(request, Call, TestContext.Current.CancellationToken);

            var parts = Part().Matches(result.Text);
            Assert.Equal(result.Text, string.Join(' ', parts.Select(m => m.Value)));
            foreach (Match part in parts)
            {
                var cited = Assert.Single(passages, p => p.CitationId == part.Groups["cite"].Value);
                Assert.Contains(part.Groups["sentence"].Value, SentenceSplitter.Split(cited.Text).Select(s => s.Text));
            }

            Assert.InRange(result.End.Usage.CompletionTokens, 0, request.MaxTokens!.Value);
            Assert.Equal(result.End.FinishReason == Domain.FinishReason.NoAnswer, result.Text.Length == 0);
        }
    }

    [Fact]
    public async Task TheSameInputGivesTheSameOutput()
    {
        var random = new Random(7);
        var passages = Enumerable.Range(1, 8).Select(i => RandomPassage(random, i)).ToList();
        var request = new GenerationRequest("", passages, [], "refund policy deadline for hotel receipts?", 200, null);

        var first = await Generator.GenerateAsync(request, Call, TestContext.Current.CancellationToken);
        var second = await Generator.GenerateAsync(request with { Passages = [.. passages.AsEnumerable().Reverse()] }, Call, TestContext.Current.CancellationToken);

        Assert.NotEmpty(first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.End.Citations, second.End.Citations);
        Assert.Equal(first.End.Usage, second.End.Usage);
    }

    [Fact]
    public async Task TheBestMatchingSentenceIsChosenAndCited()
    {
        DomainPassage[] passages =
        [
            new("c1", "1", "Expenses", "", "Meals are reimbursed up to a daily limit. Receipts are kept for audit.", 1),
            new("c2", "2", "Travel", "", "Hotel bookings go through the travel desk. Refunds for cancelled flights take 14 days.", 2),
        ];

        var result = await Generator.GenerateAsync(new GenerationRequest("", passages, [], "How long do flight refunds take?", 100, null), Call, TestContext.Current.CancellationToken);

        Assert.StartsWith("Refunds for cancelled flights take 14 days. [2]", result.Text);
        Assert.Equal([new Domain.Citation("2", "c2")], result.End.Citations.Take(1));
    }

    [Fact]
    public async Task NothingMatchingGivesNoAnswerAndNoText()
    {
        DomainPassage[] passages = [new("c1", "1", "", "", "Meals are reimbursed up to a daily limit.", 1)];

        var result = await Generator.GenerateAsync(new GenerationRequest("", passages, [], "Who won the match?", 100, null), Call, TestContext.Current.CancellationToken);

        Assert.Equal("", result.Text);
        Assert.Equal(Domain.FinishReason.NoAnswer, result.End.FinishReason);
    }

    [Fact]
    public async Task TheDefaultModelIsExtractiveAndStreamsTheSameAnswer()
    {
        await using var host = await InferenceTestHost.StartAsync(new Dictionary<string, string?>());
        var token = TestContext.Current.CancellationToken;
        var request = Requests.Generate("", "How many inhabitants does Paris have?");

        var unary = await host.Service.Generate(request, new TestCallContext(Callers.Member, token));
        var writer = new TestStreamWriter<GenerateStreamEvent>();
        await host.Service.GenerateStream(request, writer, new TestCallContext(Callers.Member, token));

        Assert.Equal("extractive", unary.Model);
        Assert.Contains("It has about two million inhabitants. [1]", unary.Text);
        Assert.Equal(unary.Text, string.Concat(writer.Messages.Where(m => m.Delta is not null).Select(m => m.Delta.Text)));
        Assert.Equal("extractive", writer.Messages.First().Started.Model);
        Assert.Equal(unary.Usage, writer.Messages.Last().Completed.Usage);
        Assert.True(unary.Usage.PromptTokens > 0);
    }

    private static DomainPassage RandomPassage(Random random, int rank)
    {
        var sentences = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
        {
            var words = Enumerable.Range(0, random.Next(3, 15)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
            words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
            return string.Join(' ', words) + (random.Next(4) == 0 ? "!" : ".");
        });
        return new DomainPassage($"chunk-{rank}", rank.ToString(), $"Doc {rank}", "", string.Join(random.Next(3) == 0 ? "\n" : " ", sentences), rank);
    }

    [GeneratedRegex(@"(?<sentence>[^\s\[\]][^\[\]]*?) \[(?<cite>\d+)\]")]
    private static partial Regex Part();
}
