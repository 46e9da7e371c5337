using System.ComponentModel.DataAnnotations;

namespace SecureRag.ServiceDefaults.Messaging;

/// <summary>Outbox relay settings (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>How often the relay looks for unsent rows when nothing woke it (rows written by other replicas).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>How long one publish may wait for the broker's confirmation before the batch stops and retries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent rows and processed inbox ids older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
