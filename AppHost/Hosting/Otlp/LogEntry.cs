using System.Collections.ObjectModel;

namespace SecureRag.Hosting.Otlp;

/// <summary>A log record received over OTLP, flattened with its resource and scope.</summary>
public sealed record LogEntry
{
    /// <summary>When the event happened (the observed time when the sender did not say).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The resource's <c>service.name</c>, or <c>unknown_service</c> when absent.</summary>
    public string ServiceName { get; init; } = OtlpResourceInfo.UnknownService;

    /// <summary>The resource's <c>service.instance.id</c>, when present.</summary>
    public string? ServiceInstanceId { get; init; }

    /// <summary>The level as the source named it (for .NET, e.g. <c>Information</c>).</summary>
    public string? SeverityText { get; init; }

    /// <summary>The OTLP severity number: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal; 0 unspecified.</summary>
    public int SeverityNumber { get; init; }

    /// <summary>The body rendered as a string (structured bodies as JSON).</summary>
    public string Body { get; init; } = "";

    /// <summary>The record's attributes, every value rendered as a string.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The correlated trace id in lowercase hex, when the record was written inside a span.</summary>
    public string? TraceId { get; init; }

    /// <summary>The correlated span id in lowercase hex, when the record was written inside a span.</summary>
    public string? SpanId { get; init; }

    /// <summary>The instrumentation scope; for .NET's ILogger this is the logger category.</summary>
    public string? ScopeName { get; init; }

    /// <summary>The event name, when the record is a named event.</summary>
    public string? EventName { get; init; }
}
