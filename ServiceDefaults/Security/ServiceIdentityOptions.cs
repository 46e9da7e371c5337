using System.ComponentModel.DataAnnotations;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>Who this service is (section <c>ServiceIdentity</c>).</summary>
public sealed class ServiceIdentityOptions
{
    public const string SectionName = "ServiceIdentity";

    /// <summary>The service's name: the audience its assertions must carry, and its name towards Auth.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>
    /// The credential this service presents to Auth to obtain service assertions. Only its SHA-256 digest is
    /// configured on Auth. Empty: the service cannot act on its own (it only serves calls).
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>The name of Auth's resource, for service discovery.</summary>
    public string AuthService { get; set; } = "auth";
}
