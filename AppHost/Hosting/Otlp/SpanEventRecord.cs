namespace SecureRag.Hosting.Otlp;

/// <summary>A time-stamped annotation on a span.</summary>
/// <param name="Name">The event name.</param>
/// <param name="Time">When the event happened.</param>
/// <param name="Attributes">The event's attributes, every value rendered as a string.</param>
public sealed record SpanEventRecord(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes);
