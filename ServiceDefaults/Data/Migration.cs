namespace SecureRag.ServiceDefaults.Data;

/// <summary>One schema migration: a SQL script applied once, in order of <see cref="Id"/> within its source.</summary>
public sealed record Migration(string Id, string Sql);
