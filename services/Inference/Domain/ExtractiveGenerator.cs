using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using SecureRag.Inference.Infrastructure;

namespace SecureRag.Inference.Domain;

/// <summary>
/// The embedded generator: answers with the sentences of the passages that best match the question (IDF-weighted term
/// overlap, ties broken by passage rank and position), each followed by its passage's citation, in reading order,
/// within the completion budget. Deterministic, and it never writes a word that is not in a passage. It reports itself
/// as model <c>extractive</c> so nobody mistakes it for an LLM.
/// </summary>
public sealed class ExtractiveGenerator(TokenCounter tokens, IOptions<InferenceOptions> options, ModelCallTelemetry telemetry) : IGenerator
{
    private const double MinRelativeScore = 0.5;

    public string Name => BuiltInModels.Extractive;

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CallContext call, CancellationToken cancellationToken)
    {
        var answer = Traced(request, call);
        return Task.FromResult(new GenerationResult(answer.Start, string.Concat(answer.Parts), answer.End));
    }

    public Task<GenerationStream> StreamAsync(GenerationRequest request, CallContext call, CancellationToken cancellationToken)
    {
        var answer = Traced(request, call);
        return Task.FromResult(new GenerationStream(answer.Start, Chunks(answer, cancellationToken)));
    }

    private static async IAsyncEnumerable<GenerationChunk> Chunks(ExtractiveAnswer answer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var part in answer.Parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new GenerationChunk(part);
        }

        await Task.CompletedTask;
        yield return new GenerationChunk("", answer.End);
    }

    private ExtractiveAnswer Traced(GenerationRequest request, CallContext call)
    {
        using var activity = telemetry.Start("chat", Name, Name, ModelCallTelemetry.EmbeddedHost, call);
        var started = Stopwatch.GetTimestamp();
        var answer = Answer(request);
        telemetry.Completed(activity, "chat", Name, ModelCallTelemetry.EmbeddedHost, answer.End.Usage, answer.End.FinishReason.ToString(), Stopwatch.GetElapsedTime(started));
        return answer;
    }

    internal ExtractiveAnswer Answer(GenerationRequest request)
    {
        var budget = request.MaxTokens is > 0 ? request.MaxTokens.Value : options.Value.ExtractiveMaxTokens;
        var passages = request.Passages.OrderBy(p => p.Rank).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var candidates = Score(request.Question, passages);

        var chosen = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var used = 0;
        var cut = false;
        foreach (var candidate in candidates)
        {
            if (chosen.Count == options.Value.ExtractiveMaxSentences)
            {
                break;
            }

            if (!seen.Add(candidate.Text))
            {
                continue;
            }

            var cost = tokens.Count(Render(candidate)) + 1;
            if (used + cost > budget)
            {
                cut = true;
                continue;
            }

            chosen.Add(candidate);
            used += cost;
        }

        var parts = chosen
            .OrderBy(c => c.PassageOrder).ThenBy(c => c.SentenceIndex)
            .Select((c, i) => (i == 0 ? "" : " ") + Render(c))
            .ToList();
        var citations = chosen
            .OrderBy(c => c.PassageOrder).ThenBy(c => c.SentenceIndex)
            .Select(c => new Citation(c.Passage.Cite, c.Passage.Id))
            .DistinctBy(c => c.PassageId)
            .ToList();
        var reason = chosen.Count == 0 ? FinishReason.NoAnswer : cut ? FinishReason.Length : FinishReason.Stop;
        var promptTokens = tokens.Count(request.Question) + passages.Sum(p => tokens.Count(p.Text));
        var usage = new TokenUsage(promptTokens, parts.Sum(tokens.Count));

        var start = new GenerationStart(Name, Canary.NewCanary(), PromptReport.AllOf(passages));
        return new ExtractiveAnswer(start, parts, new GenerationEnd(usage, reason, citations));
    }

    private static string Render(Candidate candidate) => $"{candidate.Text} [{candidate.Passage.Cite}]";

    private static List<Candidate> Score(string question, List<Passage> passages)
    {
        // Question terms by index, so a sentence's matches are a bit mask found without allocating.
        var questionTerms = TextTerms.Extract(question).Order(StringComparer.Ordinal).Take(64)
            .Select((term, index) => (term, index)).ToDictionary(t => t.term, t => t.index, StringComparer.Ordinal);
        var lookup = questionTerms.GetAlternateLookup<ReadOnlySpan<char>>();
        var sentences = new List<(Passage Passage, int Order, Sentence Sentence, ulong Terms)>();
        for (var order = 0; order < passages.Count; order++)
        {
            foreach (var sentence in SentenceSplitter.Split(passages[order].Text))
            {
                sentences.Add((passages[order], order, sentence, TextTerms.Match(sentence.Text, lookup)));
            }
        }

        var idf = new double[questionTerms.Count];
        for (var i = 0; i < idf.Length; i++)
        {
            var documentFrequency = sentences.Count(s => (s.Terms & (1UL << i)) != 0);
            idf[i] = documentFrequency == 0 ? 0 : Math.Log(1 + ((double)sentences.Count / documentFrequency));
        }

        var candidates = new List<Candidate>();
        foreach (var (passage, order, sentence, terms) in sentences)
        {
            var score = 0.0;
            for (var i = 0; i < idf.Length; i++)
            {
                score += (terms & (1UL << i)) != 0 ? idf[i] : 0;
            }

            if (score > 0)
            {
                // A slight preference for better-ranked passages, so retrieval's judgement breaks near-ties.
                score /= 1 + (0.05 * order);
                candidates.Add(new Candidate(passage, order, sentence.Index, sentence.Text, score));
            }
        }

        // Sentences far weaker than the best match only share a common word with the question; leave them out.
        var best = candidates.Count > 0 ? candidates.Max(c => c.Score) : 0;
        return [.. candidates
            .Where(c => c.Score >= best * MinRelativeScore)
            .OrderByDescending(c => c.Score).ThenBy(c => c.PassageOrder).ThenBy(c => c.SentenceIndex)];
    }

    private sealed record Candidate(Passage Passage, int PassageOrder, int SentenceIndex, string Text, double Score);
}
