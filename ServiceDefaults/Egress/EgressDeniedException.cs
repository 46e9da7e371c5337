namespace SecureRag.ServiceDefaults.Egress;

/// <summary>A connection refused by the egress policy. Not transient: retrying cannot succeed.</summary>
public sealed class EgressDeniedException(EgressDecision decision)
    : Exception($"Egress refused: {decision.Host} ({decision.Address}) {decision.Reason}.")
{
    /// <summary>The refused host, address and reason.</summary>
    public EgressDecision Decision { get; } = decision;

    /// <summary>Finds an egress refusal in <paramref name="exception"/> or its inner exceptions.</summary>
    public static EgressDeniedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is EgressDeniedException denied)
            {
                return denied;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null);
            }
        }

        return null;
    }
}
