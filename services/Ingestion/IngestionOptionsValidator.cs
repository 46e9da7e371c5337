using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SecureRag.Ingestion;

/// <summary>Validates the nested sections too (data annotations stop at the top level), so a bad limit fails the start.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        foreach (var (section, value) in (ReadOnlySpan<(string, object)>)[("Limits", options.Limits), ("Chunking", options.Chunking)])
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{IngestionOptions.SectionName}:{section}: {r.ErrorMessage}"));
            }
        }

        if (options.RetryMaxDelay < options.RetryInitialDelay)
        {
            failures.Add($"{IngestionOptions.SectionName}:RetryMaxDelay must not be shorter than RetryInitialDelay.");
        }

        if (!string.IsNullOrWhiteSpace(options.TempDirectory) && !Directory.Exists(options.TempDirectory))
        {
            failures.Add($"{IngestionOptions.SectionName}:TempDirectory '{options.TempDirectory}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
