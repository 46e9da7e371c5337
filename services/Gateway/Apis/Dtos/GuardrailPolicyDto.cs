using System.Text.Json;

namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>An app's guardrail policy (format: services/Guardrail/README.md); version 0 is the built-in default.</summary>
public sealed record GuardrailPolicyDto(string AppId, int Version, JsonElement Policy, bool IsDefault, DateTimeOffset? CreatedAt, string? CreatedBy);
