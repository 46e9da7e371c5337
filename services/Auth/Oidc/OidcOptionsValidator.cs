using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SecureRag.Auth.Oidc;

/// <summary>Refuses a start with settings that would weaken token checks; each failure names the setting.</summary>
internal sealed class OidcOptionsValidator(IHostEnvironment environment) : IValidateOptions<OidcOptions>
{
    private static readonly TimeSpan MinMetadataRefresh = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        List<string> failures = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.TrustedIssuers.Count; i++)
        {
            var issuer = options.TrustedIssuers[i];
            var key = $"{OidcOptions.SectionName}:TrustedIssuers:{i}";
            CheckAddress(failures, $"{key}:Issuer", issuer.Issuer, required: true, allowQuery: false);
            CheckAddress(failures, $"{key}:MetadataAddress", issuer.MetadataAddress, required: false, allowQuery: true);
            if (!seen.Add(issuer.Issuer))
            {
                failures.Add($"{key}:Issuer '{issuer.Issuer}' is listed twice.");
            }
        }

        foreach (var algorithm in options.AllowedAlgorithms.Where(a => !SigningAlgorithms.IsAsymmetric(a)))
        {
            failures.Add($"{OidcOptions.SectionName}:AllowedAlgorithms: '{algorithm}' is not allowed; use asymmetric algorithms only ({string.Join(", ", SigningAlgorithms.Asymmetric)}).");
        }

        if (options.MetadataRefreshInterval < MinMetadataRefresh || options.MetadataRefreshInterval > TimeSpan.FromDays(7))
        {
            failures.Add($"{OidcOptions.SectionName}:MetadataRefreshInterval must be between 5 minutes and 7 days.");
        }

        if (options.KeyRefreshMinimumInterval < TimeSpan.FromSeconds(1) || options.KeyRefreshMinimumInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{OidcOptions.SectionName}:KeyRefreshMinimumInterval must be between 1 second and 1 hour.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{OidcOptions.SectionName}:ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.MaxHeaderBytes >= options.MaxTokenBytes)
        {
            failures.Add($"{OidcOptions.SectionName}:MaxHeaderBytes must be less than MaxTokenBytes.");
        }

        // Only read in Development, and its keys are in memory (never fetched), so any absolute URL will do.
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.DevelopmentIssuer)
            && !(Uri.TryCreate(options.DevelopmentIssuer, UriKind.Absolute, out var development) && development.Scheme is "http" or "https"))
        {
            failures.Add($"{OidcOptions.SectionName}:DevelopmentIssuer must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Plain HTTP only where nobody else can be on the wire: a loopback provider while developing.</summary>
    public static bool MayUseHttp(Uri address, IHostEnvironment environment) =>
        environment.IsDevelopment() && address.IsLoopback;

    private void CheckAddress(List<string> failures, string key, string? value, bool required, bool allowQuery)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{key} is required.");
            }

            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute https URL.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !MayUseHttp(uri, environment))
        {
            failures.Add($"{key} must use https (plain http is allowed only for loopback addresses in Development).");
        }
        else if (!string.IsNullOrEmpty(uri.Fragment) || (!allowQuery && !string.IsNullOrEmpty(uri.Query)))
        {
            // OpenID Connect Discovery 1.0, section 2: an issuer has no query or fragment.
            failures.Add($"{key} must not have a {(allowQuery ? "fragment" : "query or fragment")}.");
        }
    }
}
