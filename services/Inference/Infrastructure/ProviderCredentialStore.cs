using Microsoft.AspNetCore.DataProtection;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// Provider credentials, encrypted with Data Protection before they reach storage. No API returns them and nothing
/// logs them: callers get a <see cref="ProviderSecret"/>, which prints as <c>***</c>.
/// </summary>
public sealed class ProviderCredentialStore(IDataProtectionProvider dataProtection, ICredentialRepository repository)
{
    // The purpose isolates these ciphertexts from any other use of the key ring.
    private readonly IDataProtector _protector = dataProtection.CreateProtector("SecureRag.Inference.ProviderCredentials.v1");

    public Task SetAsync(string name, string secret, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return repository.UpsertAsync(name, _protector.Protect(secret), cancellationToken);
    }

    public async Task<ProviderSecret?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await repository.FindAsync(name, cancellationToken);
        return stored is null ? null : new ProviderSecret(_protector.Unprotect(stored));
    }
}
