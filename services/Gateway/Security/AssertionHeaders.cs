using Grpc.Core;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Security;

public static class AssertionHeaders
{
    /// <summary>Metadata header with the client's address, for the audit trail of the service called.</summary>
    public const string ClientAddressHeader = "x-client-address";

    /// <summary>Call headers carrying the caller's assertion for <paramref name="service"/> and the client's address.</summary>
    public static Metadata For(this HttpContext context, string service)
    {
        var caller = context.GetCaller() ?? throw new InvalidOperationException("The request is not authenticated.");
        var headers = AssertionMetadata.For(caller.Assertions[service]);
        headers.Add(ClientAddressHeader, context.Connection.RemoteIpAddress?.ToString() ?? "");
        return headers;
    }
}
