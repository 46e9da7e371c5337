using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace SecureRag.Hosting.Dashboard;

/// <summary>
/// Validates <c>AppHost:Dashboard</c> with the rest of the AppHost's settings at start (data annotations do not reach
/// nested sections), so a bad address or port stops the AppHost with a clear message before anything runs.
/// </summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<AppHostOptions>
{
    public ValidateOptionsResult Validate(string? name, AppHostOptions options)
    {
        var dashboard = options.Dashboard;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(dashboard, new ValidationContext(dashboard), results, validateAllProperties: true);
        var failures = results.Select(r => $"{AppHostOptions.SectionName}:Dashboard: {r.ErrorMessage}").ToList();
        if (TryParseAddress(dashboard.Address) is null)
        {
            failures.Add($"{AppHostOptions.SectionName}:Dashboard:Address '{dashboard.Address}' is not an IP address, 'localhost' or '*'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An IP address, <c>localhost</c> (loopback) or <c>*</c> (every address).</summary>
    public static IPAddress? TryParseAddress(string? address) => address?.Trim() switch
    {
        null => null,
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        var text when IPAddress.TryParse(text, out var parsed) => parsed,
        _ => null,
    };
}
