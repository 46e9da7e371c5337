namespace SecureRag.Retrieval.Tests;

/// <summary>The service with its default configuration.</summary>
public sealed class RetrievalFixture : RetrievalServer;
