using SecureRag.Contracts.Retrieval;

namespace SecureRag.Retrieval.Tests.Properties;

/// <summary>A caller and the app scope it searches through.</summary>
internal sealed record Principal(string Tenant, string? User, string[] Groups, AppScope App)
{
    public string[] Keys =>
    [
        "tenant:*",
        .. User is null ? Array.Empty<string>() : ["user:" + User],
        .. User is null ? Array.Empty<string>() : Groups.Select(g => "group:" + g),
        "app:" + App.AppId,
    ];
}
