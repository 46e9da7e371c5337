using Dapper;
using MassTransit;
using Microsoft.Extensions.Logging;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.ServiceDefaults.Messaging;

/// <summary>
/// Applies a consumer's effect at most once per message: the message id is recorded in the same transaction as the
/// effect, so a redelivery (after a crash before the acknowledgement, or a duplicate publish) changes nothing.
/// </summary>
public sealed class Inbox(ServiceDatabase database, ILogger<Inbox> logger)
{
    /// <returns>False when the message had already been processed by this consumer.</returns>
    public Task<bool> ProcessOnceAsync<TConsumer>(
        ConsumeContext context,
        Func<DbSession, CancellationToken, Task> effect)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message without a message id cannot be de-duplicated.");
        var consumer = typeof(TConsumer).Name;

        return database.InTransactionAsync(async (session, ct) =>
        {
            var recorded = await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO inbox_messages (message_id, consumer) VALUES (@MessageId, @Consumer) ON CONFLICT DO NOTHING",
                new { MessageId = messageId, Consumer = consumer }, session.Transaction, cancellationToken: ct));
            if (recorded == 0)
            {
                logger.LogInformation("Message {MessageId} already processed by {Consumer}; skipped", messageId, consumer);
                return false;
            }

            await effect(session, ct);
            return true;
        }, context.CancellationToken);
    }
}
