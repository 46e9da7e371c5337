using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace SecureRag.ServiceDefaults.Messaging;

/// <summary>One log line at the entry of every consumer, with the message id and the trace id.</summary>
public sealed class ConsumeLoggingFilter<T>(ILogger<ConsumeLoggingFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        logger.LogInformation(
            "Consuming {MessageType} {MessageId} (trace {TraceId})",
            typeof(T).Name, context.MessageId, Activity.Current?.TraceId.ToString());
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consume-logging");
}
