using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SecureRag.Audit.Domain;

namespace SecureRag.Audit;

/// <summary>
/// Refuses to start without a usable chain key, except in Development, where a fixed development key stands in
/// (with a warning at start). Also validates the nested sections, which data annotations alone would not.
/// </summary>
public sealed class AuditOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ChainKey))
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"{AuditOptions.SectionName}:ChainKey is required outside Development: a base64 key of at least {ChainKeys.MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`), held outside the database.");
            }
        }
        else if (DecodeKey(options.ChainKey) is not { Length: >= ChainKeys.MinimumKeyBytes })
        {
            failures.Add($"{AuditOptions.SectionName}:ChainKey must be base64 and decode to at least {ChainKeys.MinimumKeyBytes} bytes.");
        }

        foreach (var (section, value) in (ReadOnlySpan<(string, object)>)[
                     ("Checkpoint", options.Checkpoint), ("Retention", options.Retention), ("Ingest", options.Ingest)])
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{AuditOptions.SectionName}:{section}: {r.ErrorMessage}"));
            }
        }

        failures.AddRange(options.Retention.Tenants
            .Where(t => t.Value < TimeSpan.FromDays(1))
            .Select(t => $"{AuditOptions.SectionName}:Retention:Tenants:{t.Key} must be at least one day."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static byte[]? DecodeKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
