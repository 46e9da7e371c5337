namespace SecureRag.Gateway.Query.Dtos;

/// <summary>The caller's daily token quotas today.</summary>
public sealed record QuotaDto(IReadOnlyList<QuotaCounterDto> Quotas);
