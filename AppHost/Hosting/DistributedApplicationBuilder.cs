using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private bool _built;

    public DistributedApplicationBuilder(string[] args)
        : this(CreateConfiguration(args))
    {
        Services.AddLogging(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
    }

    internal DistributedApplicationBuilder(ConfigurationManager configuration)
    {
        Configuration = configuration;
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton(Resources);
        Services.AddLogging(logging =>
        {
            // Framework chatter stays out of the AppHost's console unless configuration asks for it.
            logging.AddFilter("Microsoft", LogLevel.Warning);
            logging.AddFilter("System", LogLevel.Warning);
            logging.AddConfiguration(configuration.GetSection("Logging"));
        });
        Services.AddOptions<AppHostOptions>()
            .Bind(configuration.GetSection(AppHostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        Services.AddSingleton<IValidateOptions<AppHostOptions>, Dashboard.DashboardOptionsValidator>();
        Services.AddOptions<TelemetryStoreOptions>().Bind(configuration.GetSection($"{AppHostOptions.SectionName}:Telemetry"));
        Services.AddOtlpReceiver();
        Services.TryAddSingleton(TimeProvider.System);
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddSingleton<ResourceConsoleLogs>();
        Services.AddSingleton<Orchestrator>();
    }

    public IConfigurationManager Configuration { get; }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IResourceCollection Resources { get; } = new ResourceCollection();

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        Resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build can be called only once.");
        }

        _built = true;
        ModelValidator.Validate(Resources);
        var services = Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        services.GetService<IStartupValidator>()?.Validate();
        return new DistributedApplication(services);
    }

    private static ConfigurationManager CreateConfiguration(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory);
        configuration.AddJsonFile("appsettings.json", optional: true);
        configuration.AddJsonFile($"appsettings.{environment}.json", optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return configuration;
    }
}
