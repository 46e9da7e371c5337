using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>Builds the app model (resources and how they reference and wait for each other), then the application.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>
    /// The AppHost's configuration: <c>appsettings.json</c> (and <c>appsettings.{Environment}.json</c>) beside the
    /// AppHost's build output, environment variables, then the command line. <c>AppHost:*</c> configures the
    /// orchestrator (<see cref="AppHostOptions"/>); <c>ConnectionStrings:{server}</c> selects an existing server.
    /// </summary>
    IConfigurationManager Configuration { get; }

    /// <summary>The services of the AppHost itself (logging, time, options); add or replace before <see cref="Build"/>.</summary>
    IServiceCollection Services { get; }

    /// <summary>The resources added so far.</summary>
    IResourceCollection Resources { get; }

    /// <summary>Adds <paramref name="resource"/> to the model.</summary>
    /// <exception cref="InvalidOperationException">A resource with the same name exists.</exception>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource already in the model.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    /// <summary>Validates the model and creates the application (nothing starts yet).</summary>
    DistributedApplication Build();
}
