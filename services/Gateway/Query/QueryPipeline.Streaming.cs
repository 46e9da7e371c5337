using System.Text;
using Grpc.Core;
using SecureRag.Contracts.Inference;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>The streamed answer: generation and the output rail interleaved, segment by segment.</summary>
public sealed partial class QueryPipeline
{
    /// <summary>
    /// Streams the answer: the model's deltas are cut into sentence-sized segments, and each segment is released to
    /// <paramref name="release"/> only after the output rail has checked it (redacted, or the stream ends with a refusal).
    /// </summary>
    public async Task<QueryResult> StreamAsync(QueryState state, Func<string, Task> release, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var segmenter = new SentenceSegmenter(settings.MinSegmentChars, settings.MaxSegmentChars);
        var released = new StringBuilder();
        var output = new OutputDecisions();
        string canary = "", model = state.App.Model;
        GenerationCompleted? completed = null;
        var generationStep = telemetry.Start(state, "generation");
        try
        {
            using var call = generation.Stream(state, cancellationToken);
            // Output-rail spans are the generation's siblings, not its children: the steps of one trace side by side.
            QueryTelemetry.Detach(generationStep);
            await foreach (var item in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                switch (item.EventCase)
                {
                    case GenerateStreamEvent.EventOneofCase.Started:
                        canary = item.Started.Canary;
                        model = item.Started.Model;
                        break;
                    case GenerateStreamEvent.EventOneofCase.Delta:
                        foreach (var segment in segmenter.Push(item.Delta.Text))
                        {
                            await ReleaseAsync(segment);
                        }

                        break;
                    case GenerateStreamEvent.EventOneofCase.Completed:
                        completed = item.Completed;
                        break;
                }
            }

            var rest = segmenter.Flush();
            if (!string.IsNullOrWhiteSpace(rest))
            {
                await ReleaseAsync(rest);
            }
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            generationStep.Fail(QueryReasons.InferenceUnavailable);
            throw Downstream.FromInference(ex);
        }
        finally
        {
            generationStep.Dispose();
            state.Decisions.AddRange(output.Summary());
            var usage = completed?.Usage.ToDto();
            // A stream cut short still spent its tokens: count what was generated, estimated when the end never came.
            await SettleAsync(state, usage?.TotalTokens ?? (state.Reservation?.Tokens ?? 0));
        }

        var citations = await CitationsAsync(state, completed?.Citations ?? [], cancellationToken);
        return new QueryResult(released.ToString(), citations, completed?.Usage.ToDto() ?? new UsageDto(0, 0, 0), model,
            Citations.FinishReasonName(completed?.FinishReason ?? FinishReason.Stop));

        async Task ReleaseAsync(string segment)
        {
            if (string.IsNullOrWhiteSpace(segment))
            {
                released.Append(segment);
                await release(segment);
                return;
            }

            using var step = telemetry.Start(state, "output_rail");
            var scan = await Failing(step, outputRail.ScanAsync(state, segment, canary, withPassages: true, cancellationToken));
            output.Add(scan.Decision);
            var text = Released(step, scan, segment);
            released.Append(text);
            await release(text);
        }
    }
}
