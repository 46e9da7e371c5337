namespace SecureRag.Gateway.Query.Dtos;

/// <param name="Scope"><c>apikey</c>, <c>user</c> or <c>tenant</c>.</param>
/// <param name="Used">Tokens counted as used (settled) today.</param>
/// <param name="Reserved">Tokens held by requests still running.</param>
public sealed record QuotaCounterDto(string Scope, long Limit, long Used, long Reserved, long Remaining);
