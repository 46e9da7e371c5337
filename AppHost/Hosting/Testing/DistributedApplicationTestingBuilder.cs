using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Testing;

/// <summary>
/// Creates applications for tests, like Aspire's testing builder: the same model as the AppHost, in a fresh temporary
/// data directory on free ports, every wait bounded, everything removed on dispose.
/// </summary>
public sealed class DistributedApplicationTestingBuilder : IDistributedApplicationTestingBuilder
{
    private readonly DistributedApplicationBuilder _inner;
    private readonly string? _temporaryDirectory;

    private DistributedApplicationBuilder Inner => _inner;

    private DistributedApplicationTestingBuilder(TestingOptions options)
    {
        if (options.DataDirectory is null)
        {
            _temporaryDirectory = Path.Combine(Path.GetTempPath(), "securerag-test-" + Guid.NewGuid().ToString("N")[..12]);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{AppHostOptions.SectionName}:DataDirectory"] = options.DataDirectory ?? _temporaryDirectory,
            [$"{AppHostOptions.SectionName}:StartupTimeout"] = options.StartupTimeout.ToString("c", CultureInfo.InvariantCulture),
            [$"{AppHostOptions.SectionName}:StopTimeout"] = options.StopTimeout.ToString("c", CultureInfo.InvariantCulture),
            [$"{AppHostOptions.SectionName}:ForwardConsoleOutput"] = options.ForwardConsoleOutput ? "true" : "false",
            [$"{AppHostOptions.SectionName}:HealthCheckInterval"] = "00:00:01",
            [$"{AppHostOptions.SectionName}:Dashboard:Enabled"] = options.EnableDashboard ? "true" : "false",
            [$"{AppHostOptions.SectionName}:Dashboard:Port"] = "0",
        };
        foreach (var (key, value) in options.Configuration)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings);
        _inner = new DistributedApplicationBuilder(configuration);
        _inner.Services.AddLogging(logging => logging
            .SetMinimumLevel(options.MinimumLogLevel)
            .AddFilter("SecureRag", options.MinimumLogLevel)
            .AddSimpleConsole(console => console.SingleLine = true));
    }

    /// <inheritdoc />
    public IConfigurationManager Configuration => Inner.Configuration;

    /// <inheritdoc />
    public IServiceCollection Services => Inner.Services;

    /// <inheritdoc />
    public IResourceCollection Resources => Inner.Resources;

    /// <summary>Creates a builder, applies <paramref name="configure"/>, then defines the model with <paramref name="define"/>.</summary>
    /// <param name="define">Adds the resources, e.g. <c>SecureRagApp.Define</c>.</param>
    /// <param name="configure">Adjusts the testing options and configuration before the model is defined.</param>
    public static IDistributedApplicationTestingBuilder Create(Action<IDistributedApplicationBuilder> define, Action<TestingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(define);
        var options = new TestingOptions();
        configure?.Invoke(options);
        var builder = new DistributedApplicationTestingBuilder(options);
        define(builder);
        return builder;
    }

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        Inner.AddResource(resource);
        return CreateResourceBuilder(resource);
    }

    /// <inheritdoc />
    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    /// <inheritdoc />
    public DistributedApplication Build()
    {
        var app = Inner.Build();
        if (_temporaryDirectory is { } directory)
        {
            app.OnDisposed(() =>
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return ValueTask.CompletedTask;
            });
        }

        return app;
    }

    /// <inheritdoc />
    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Build());
    }
}
