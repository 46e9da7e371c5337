namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Failed authentications from one client address in the current minute. <see cref="Failures"/> of 1 marks the
/// first failure of the address's minute: the moment to raise one aggregated audit event rather than one per attempt.
/// </summary>
public sealed record AuthFailureStatus(string Address, long Failures, bool Blocked, TimeSpan RetryAfter);
