using Grpc.Core;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>How an assertion travels on a gRPC call: <c>authorization: Bearer &lt;assertion&gt;</c>.</summary>
public static class AssertionMetadata
{
    public const string HeaderName = "authorization";
    public const string Scheme = "Bearer ";

    /// <summary>Call headers carrying <paramref name="assertion"/>.</summary>
    public static Metadata For(string assertion) => new() { { HeaderName, Scheme + assertion } };
}
