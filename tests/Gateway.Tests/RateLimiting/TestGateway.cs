using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.Tests.RateLimiting;

/// <summary>
/// A Gateway replica in miniature on 127.0.0.1:0: the real rate-limiting registration and middleware behind a fake
/// authentication step, with its own Redis connection.
/// </summary>
internal sealed class TestGateway(WebApplication app, RecordingAuditSink audit) : IAsyncDisposable
{
    public HttpClient Client { get; } = new() { BaseAddress = new Uri(app.Urls.First()) };

    public RecordingAuditSink Audit => audit;

    public static async Task<TestGateway> StartAsync(
        string redisConnectionString, TimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = redisConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var audit = new RecordingAuditSink();
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<IRateLimitAuditSink>(audit);
        builder.AddRateLimiting();

        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (TestCaller.From(context.Request) is { } caller)
            {
                context.SetCaller(caller);
            }

            return next(context);
        });
        app.UseSecureRagRateLimiting();
        app.MapGet("/ping", () => "pong");
        app.MapGet("/status", () => "ok").DisableRateLimiting();
        app.MapPost("/generate", GenerateAsync);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestGateway(app, audit);
    }

    // The query path's quota handling in miniature: reserve the maximum, generate, settle with the actual usage.
    private static async Task<Results<Ok<string>, ProblemHttpResult>> GenerateAsync(
        HttpContext context, ITokenQuota quota, long max, long used)
    {
        var decision = await quota.ReserveAsync(RateLimitSubject.From(context.GetCaller()!), max, context.RequestAborted);
        if (!decision.Granted)
        {
            return RateLimitProblems.QuotaExhausted(context, decision);
        }

        await quota.SettleAsync(decision.Reservation!, used, context.RequestAborted);
        return TypedResults.Ok("generated");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
