using SecureRag.TestSupport;

[assembly: AssemblyFixture(typeof(SecureRag.Audit.Tests.AuditPostgresServer))]

namespace SecureRag.Audit.Tests;

/// <summary>The test run's PostgreSQL server, with the Audit service's role.</summary>
public sealed class AuditPostgresServer() : PostgresServer("audit", "audit-test-password");
