using System.Diagnostics;
using Grpc.Core;
using SecureRag.Contracts.Retrieval;
using SecureRag.Gateway.Query.Dtos;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Query;

/// <summary>One query on its way through the pipeline: who asks, which app, and what each step decided.</summary>
public sealed class QueryState(GatewayCaller caller, AppSettings app, QueryInput input, string? clientAddress, StepTimings timings)
{
    public GatewayCaller Caller { get; } = caller;

    public AppSettings App { get; } = app;

    public QueryInput Input { get; } = input;

    public string? ClientAddress { get; } = clientAddress;

    public string TraceId { get; } = Activity.Current?.TraceId.ToString() ?? ActivityTraceId.CreateRandom().ToString();

    /// <summary>The question as the model and the search see it (redacted when the input rail redacted it).</summary>
    public string Question { get; set; } = input.Question;

    /// <summary>The completion budget after the app's cap.</summary>
    public int MaxTokens { get; set; }

    public QuotaReservation? Reservation { get; set; }

    public List<GuardrailDecisionDto> Decisions { get; } = [];

    /// <summary>The passages that passed the context rail, best first; citation id n is Passages[n - 1].</summary>
    public IReadOnlyList<SearchHit> Passages { get; set; } = [];

    public StepTimings Timings { get; } = timings;

    /// <summary>Call headers: the caller's assertion for <paramref name="service"/> and the client's address.</summary>
    public Metadata Headers(string service)
    {
        var headers = AssertionMetadata.For(Caller.Assertions[service]);
        headers.Add(AssertionHeaders.ClientAddressHeader, ClientAddress ?? "");
        return headers;
    }
}
