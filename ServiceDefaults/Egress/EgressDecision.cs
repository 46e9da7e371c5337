using System.Net;

namespace SecureRag.ServiceDefaults.Egress;

/// <summary>The egress policy's answer for one address of one host.</summary>
/// <param name="Allowed">Whether a connection to <paramref name="Address"/> may be made.</param>
/// <param name="Host">The host name (or address literal) that was asked for.</param>
/// <param name="Address">The address checked, IPv4-mapped and translated IPv6 addresses already unwrapped.</param>
/// <param name="Reason">Why, in words an operator can act on.</param>
public sealed record EgressDecision(bool Allowed, string Host, IPAddress Address, string Reason)
{
    public override string ToString() =>
        $"{(Allowed ? "allowed" : "refused")}: {Host} ({Address}): {Reason}";
}
