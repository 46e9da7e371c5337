namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Marks an RPC that authenticates its caller by other means (Auth's service-credential exchange). Everything else
/// requires an assertion.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowWithoutAssertionAttribute : Attribute;
