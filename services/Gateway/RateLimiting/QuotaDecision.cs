namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// The answer to a reservation: granted with a <see cref="Reservation"/>, or refused because the request's maximum
/// tokens exceed what a daily quota has left (<see cref="Exhausted"/> names it). <see cref="Counters"/> count tokens
/// used or held today, including this reservation when granted.
/// </summary>
public sealed record QuotaDecision(
    QuotaReservation? Reservation, IReadOnlyList<RateLimitCounter> Counters, RateLimitCounter? Exhausted, TimeSpan Reset)
{
    public bool Granted => Reservation is not null;
}
