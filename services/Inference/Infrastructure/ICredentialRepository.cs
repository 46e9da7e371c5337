namespace SecureRag.Inference.Infrastructure;

/// <summary>Storage of protected (encrypted) provider credentials; never sees a credential in clear.</summary>
public interface ICredentialRepository
{
    Task UpsertAsync(string name, string protectedValue, CancellationToken cancellationToken);

    Task<string?> FindAsync(string name, CancellationToken cancellationToken);
}
