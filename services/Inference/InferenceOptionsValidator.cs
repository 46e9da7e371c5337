using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SecureRag.Inference.Domain;

namespace SecureRag.Inference;

/// <summary>Checks the model registry at start-up, so a bad entry stops the service with a message naming it.</summary>
public sealed partial class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = new List<string>();
        foreach (var (model, entry) in options.Models)
        {
            var prefix = $"Inference:Models:{model}";
            if (BuiltInModels.IsBuiltIn(model) || !ModelName().IsMatch(model))
            {
                failures.Add($"{prefix}: '{model}' is reserved or not a valid model name (letters, digits, '.', '_', ':', '-').");
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(entry, new ValidationContext(entry), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{prefix}: {r.ErrorMessage}"));
            }

            if (entry.Endpoint is { } endpoint
                && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https") || endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0))
            {
                failures.Add($"{prefix}:Endpoint must be an absolute http(s) address without user info or query (credentials go in {prefix}:Credential).");
            }

            if (entry.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"{prefix}:Timeout must be positive.");
            }
        }

        CheckDefault(options, options.DefaultChatModel, ModelKind.Chat, BuiltInModels.Extractive, "DefaultChatModel", failures);
        CheckDefault(options, options.DefaultEmbeddingModel, ModelKind.Embedding, BuiltInModels.Hashed, "DefaultEmbeddingModel", failures);
        foreach (var (credential, secret) in options.Credentials)
        {
            if (string.IsNullOrEmpty(secret))
            {
                failures.Add($"Inference:Credentials:{credential} is empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDefault(InferenceOptions options, string name, ModelKind kind, string builtIn, string key, List<string> failures)
    {
        var known = string.Equals(name, builtIn, StringComparison.OrdinalIgnoreCase)
            || (options.Models.TryGetValue(name, out var model) && model.Kind == kind);
        if (!known)
        {
            failures.Add($"Inference:{key} '{name}' is not a {kind.ToString().ToLowerInvariant()} model of the registry.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex ModelName();
}
