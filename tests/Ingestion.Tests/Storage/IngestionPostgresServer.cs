using SecureRag.TestSupport;

[assembly: AssemblyFixture(typeof(SecureRag.Ingestion.Tests.Storage.IngestionPostgresServer))]

namespace SecureRag.Ingestion.Tests.Storage;

/// <summary>The test run's PostgreSQL server, with the Ingestion service's role.</summary>
public sealed class IngestionPostgresServer() : PostgresServer("ingestion", "ingestion-test-password");
