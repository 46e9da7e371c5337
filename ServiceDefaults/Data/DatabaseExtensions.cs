using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace SecureRag.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's schema of the <c>securerag</c> database (connection string <c>securerag</c>), its
    /// migrations (embedded <c>Infrastructure/Migrations/*.sql</c> of <paramref name="migrationsAssembly"/>) and a
    /// readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(
        this IHostApplicationBuilder builder,
        Assembly migrationsAssembly,
        Action<NpgsqlDataSourceBuilder>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ServiceDatabase.ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ServiceDatabase.ConnectionName}' is missing (ConnectionStrings__{ServiceDatabase.ConnectionName}).");

        builder.Services.AddSingleton(services =>
        {
            var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
            dataSourceBuilder.UseLoggerFactory(services.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
            configure?.Invoke(dataSourceBuilder);
            return dataSourceBuilder.Build();
        });
        builder.Services.AddSingleton<ServiceDatabase>();
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton(new MigrationSource(migrationsAssembly.GetName().Name!, migrationsAssembly));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Applies the service's migrations, then runs it; with <c>--migrate-only</c> it applies them and exits
    /// (for a Kubernetes Job ahead of a rollout).
    /// </summary>
    public static async Task RunServiceAsync(this WebApplication app, string[] args)
    {
        var migrations = app.Services.GetService<MigrationRunner>();
        if (migrations is not null)
        {
            await migrations.ApplyAsync(app.Lifetime.ApplicationStopping);
        }

        if (args.Contains(MigrateOnlySwitch))
        {
            return;
        }

        await app.RunAsync();
    }

    /// <summary>The command-line switch that applies migrations and exits.</summary>
    public const string MigrateOnlySwitch = "--migrate-only";
}
