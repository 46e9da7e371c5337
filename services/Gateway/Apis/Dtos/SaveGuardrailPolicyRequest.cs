using System.Text.Json;

namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="ExpectedVersion">The version the edit started from; a stale one answers 409 so concurrent edits are not lost.</param>
public sealed record SaveGuardrailPolicyRequest(JsonElement Policy, int? ExpectedVersion = null);
