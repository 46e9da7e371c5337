using SecureRag.Contracts.Retrieval;

namespace SecureRag.Retrieval.Tests.Properties;

internal sealed record KbModel(string Tenant, string Id, Classification Class, string[] Access, bool ExcludeStale, DateTimeOffset? ReviewBefore);
