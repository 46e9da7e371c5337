using Microsoft.Extensions.Options;
using SecureRag.Audit.Extensions;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// <c>dotnet Audit.dll verify</c>: recomputes the chain without starting the service, prints the result and exits
/// 0 when the chain is intact, 1 when it is not, 2 when the settings or the database stop it from checking.
/// </summary>
public static class VerifyCommand
{
    public const string Name = "verify";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    /// <summary>Wires the chain's storage alone (no messaging, no endpoints, no migrations) and verifies it.</summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddAuditStorage();
        await using var app = builder.Build();
        return await RunAsync(app.Services, output, app.Lifetime.ApplicationStopping);
    }

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var result = await services.GetRequiredService<ChainVerifier>().VerifyAsync(cancellationToken);
            var checkpoint = result.CheckpointSequence > 0 ? $"checkpoint at {result.CheckpointSequence}" : "no checkpoint";
            if (result.Fault is { } fault)
            {
                await output.WriteLineAsync($"audit chain BROKEN at sequence {fault.Sequence} ({fault.Kind}): {fault.Reason} [{result.RecordsChecked} records intact before it, {checkpoint}]");
                return 1;
            }

            await output.WriteLineAsync($"audit chain OK: {result.RecordsChecked} records, head at {result.HeadSequence}, {checkpoint}");
            return 0;
        }
        catch (Exception ex) when (ex is OptionsValidationException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            await output.WriteLineAsync($"audit chain NOT VERIFIED: {ex.Message}");
            return 2;
        }
    }
}
