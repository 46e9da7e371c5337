namespace SecureRag.Hosting.Testing;

/// <summary>A builder for a test application; the model can still be changed before <see cref="BuildAsync"/>.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    /// <summary>Builds the application (nothing starts until <c>StartAsync</c>).</summary>
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
