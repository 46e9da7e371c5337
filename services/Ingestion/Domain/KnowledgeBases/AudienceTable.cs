namespace SecureRag.Ingestion.Domain.KnowledgeBases;

/// <summary>
/// Which app audiences may read which classification (the Retrieval service applies the same table inside search):
/// internal reads internal, partner and customer, and restricted only when the knowledge base is bound to the app by
/// name; partner reads partner and customer; customer reads customer.
/// </summary>
public static class AudienceTable
{
    public static IReadOnlyList<string> ReadableBy(string classification) => classification switch
    {
        "internal" => ["internal"],
        "partner" => ["internal", "partner"],
        "customer" => ["internal", "partner", "customer"],
        "restricted" => ["internal (bound by name)"],
        _ => [],
    };
}
