namespace SecureRag.Hosting.ApplicationModel;

/// <summary>Configures one resource of the app model; returned by every <c>AddXxx</c> and <c>WithXxx</c> call.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IResourceBuilder<out T> where T : IResource
{
    /// <summary>The builder of the whole application.</summary>
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    /// <summary>The resource being configured.</summary>
    T Resource { get; }
}
