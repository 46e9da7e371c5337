using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>A request refused by a rate limit or a quota, for the audit trail.</summary>
/// <param name="Code"><see cref="RateLimitProblems.RateLimitedCode"/> or <see cref="RateLimitProblems.QuotaExhaustedCode"/>.</param>
/// <param name="ClientAddress">Normalised (<see cref="RateLimiting.ClientAddress"/>), when known.</param>
/// <param name="Refusals">
/// Refusals by this limit in its window so far, this one included: audit when it is 1 so a client hammering a full
/// limit cannot multiply audit writes (0 when unknown).
/// </param>
public sealed record RateLimitHit(
    GatewayCaller Caller, string Code, RateLimitCounter? Limit, TimeSpan RetryAfter, string? ClientAddress, long Refusals);
