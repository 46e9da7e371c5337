using System.Collections.ObjectModel;
using System.Diagnostics;

namespace SecureRag.Hosting.Otlp;

/// <summary>A span received over OTLP, flattened with its resource and scope.</summary>
public sealed record SpanRecord
{
    /// <summary>The trace id, 32 lowercase hex characters.</summary>
    public required string TraceId { get; init; }

    /// <summary>The span id, 16 lowercase hex characters.</summary>
    public required string SpanId { get; init; }

    /// <summary>The parent's span id in lowercase hex, or <see langword="null"/> for a root span.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>The operation name.</summary>
    public required string Name { get; init; }

    /// <summary>The span kind; OTLP's UNSPECIFIED is read as <see cref="ActivityKind.Internal"/>, as the specification allows.</summary>
    public ActivityKind Kind { get; init; } = ActivityKind.Internal;

    /// <summary>When the operation started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>When the operation ended.</summary>
    public DateTimeOffset EndTime { get; init; }

    /// <summary>End minus start, never negative.</summary>
    public TimeSpan Duration => EndTime > StartTime ? EndTime - StartTime : TimeSpan.Zero;

    /// <summary>The resource's <c>service.name</c>, or <c>unknown_service</c> when absent.</summary>
    public string ServiceName { get; init; } = OtlpResourceInfo.UnknownService;

    /// <summary>The resource's <c>service.instance.id</c>, when present.</summary>
    public string? ServiceInstanceId { get; init; }

    /// <summary>The span status.</summary>
    public ActivityStatusCode StatusCode { get; init; }

    /// <summary>The status description, usually set with an error.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The span's attributes, every value rendered as a string.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The span's events in the order they were sent.</summary>
    public IReadOnlyList<SpanEventRecord> Events { get; init; } = [];

    /// <summary>The instrumentation scope (for .NET, the <see cref="ActivitySource"/> name).</summary>
    public string? ScopeName { get; init; }
}
