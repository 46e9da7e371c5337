using System.Net;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Failed-authentication limiting per client address: once an address reaches the threshold in a minute, its
/// further attempts are refused with 429 before any credential is checked.
/// </summary>
public interface IAuthFailureLimiter
{
    ValueTask<AuthFailureStatus> RecordFailureAsync(IPAddress address, CancellationToken cancellationToken);

    ValueTask<AuthFailureStatus> IsBlockedAsync(IPAddress address, CancellationToken cancellationToken);
}
