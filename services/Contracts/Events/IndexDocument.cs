namespace SecureRag.Contracts.Events;

/// <summary>
/// Command: run (again) the ingestion job <paramref name="JobId"/>. Sent through the outbox when a waiting job's retry
/// is due and when an administrator re-queues a failed one.
/// </summary>
/// <param name="Attempt">The job's attempt count when the command was sent, for the logs.</param>
public sealed record IndexDocument(string TenantId, string JobId, int Attempt, string RequestedBy) : IntegrationEvent;
