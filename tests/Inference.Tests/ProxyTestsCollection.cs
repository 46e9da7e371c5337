namespace SecureRag.Inference.Tests;

/// <summary>Tests that change process-wide settings run after the others, alone.</summary>
[CollectionDefinition(nameof(ProxyTestsCollection), DisableParallelization = true)]
public sealed class ProxyTestsCollection;
