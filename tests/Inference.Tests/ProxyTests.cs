using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Tests;

/// <summary>Changes process-wide proxy settings, so it runs alone.</summary>
[Collection(nameof(ProxyTestsCollection))]
public sealed class ProxyTests
{
    [Fact]
    public async Task AProxyInTheEnvironmentIsIgnored()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var proxied = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var proxy = builder.Build();
        proxy.Run(context =>
        {
            Interlocked.Increment(ref proxied);
            return context.Response.WriteAsync("via proxy", cancellationToken);
        });
        await proxy.StartAsync(cancellationToken);
        await using var runtime = new FakeModelRuntime();
        await runtime.InitializeAsync();

        var proxyUri = new Uri(proxy.Urls.First());
        string[] variables = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"];
        var saved = variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        var savedDefault = HttpClient.DefaultProxy;
        try
        {
            foreach (var variable in variables)
            {
                Environment.SetEnvironmentVariable(variable, proxyUri.ToString());
            }

            // The runtime reads the environment once per process; set what it would have read.
            HttpClient.DefaultProxy = new WebProxy(proxyUri);
            var url = $"http://runtime.test:{runtime.Port}/ok";

            // Control: an ordinary client does go through the proxy, so this test can fail.
            using (var ordinary = new HttpClient())
            {
                Assert.Equal("via proxy", await ordinary.GetStringAsync(url, cancellationToken));
            }

            var resolver = new FakeResolver().Map("runtime.test", "127.0.0.1");
            var handler = EgressHandlerFactory.Create(new EgressGuard(new EgressOptions()), resolver, NullLogger.Instance, TimeSpan.FromSeconds(2));
            using var guarded = new HttpClient(handler);
            var direct = await guarded.GetStringAsync(url, cancellationToken);

            Assert.Equal("ok", direct);
            Assert.Equal(1, proxied);
            Assert.False(handler.UseProxy);
        }
        finally
        {
            HttpClient.DefaultProxy = savedDefault;
            foreach (var (variable, value) in saved)
            {
                Environment.SetEnvironmentVariable(variable, value);
            }
        }
    }
}
