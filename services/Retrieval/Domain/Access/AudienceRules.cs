using SecureRag.Contracts.Retrieval;

namespace SecureRag.Retrieval.Domain.Access;

/// <summary>
/// Which knowledge-base classifications an app's audience may read (issue 7's table). Restricted knowledge bases
/// are readable only by internal apps that bind them explicitly; that part is applied in the ranking SQL.
/// </summary>
public static class AudienceRules
{
    public static short[] ReadableClassifications(Audience audience) => audience switch
    {
        Audience.Internal => [(short)Classification.Internal, (short)Classification.Partner, (short)Classification.Customer],
        Audience.Partner => [(short)Classification.Partner, (short)Classification.Customer],
        Audience.Customer => [(short)Classification.Customer],
        _ => [],
    };

    public static bool MayReadRestricted(Audience audience) => audience == Audience.Internal;
}
