using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.ServiceDefaults.Grpc;

public static class GrpcExtensions
{
    /// <summary>The gRPC server with the standard health service (<c>grpc.health.v1</c>) fed by the health checks.</summary>
    public static IHostApplicationBuilder AddServiceGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
            options.Interceptors.Add<AssertionServerInterceptor>();
        });
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    /// <summary>
    /// A typed gRPC client for the service named <paramref name="serviceName"/>, resolved by service discovery from
    /// its <c>grpc</c> endpoint (<c>services__{name}__grpc__0</c>). gRPC's own retry policy replaces the HTTP
    /// resilience handler, which would buffer and time out streaming calls.
    /// </summary>
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but the supported way to opt out of the defaults.
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : class =>
        services
            .AddGrpcClient<TClient>(options => options.Address = new Uri($"http://_grpc.{serviceName}"))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
}
