namespace SecureRag.Contracts.Events;

/// <summary>
/// Base of every integration event. <see cref="EventId"/> is the message id on the bus, so a redelivered event is
/// recognised by the consumer's inbox.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
