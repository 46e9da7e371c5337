using System.Collections.Concurrent;
using SecureRag.Inference.Infrastructure;

namespace SecureRag.Inference.Tests.Fakes;

public sealed class InMemoryCredentialRepository : ICredentialRepository
{
    public ConcurrentDictionary<string, string> Rows { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task UpsertAsync(string name, string protectedValue, CancellationToken cancellationToken)
    {
        Rows[name] = protectedValue;
        return Task.CompletedTask;
    }

    public Task<string?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryGetValue(name, out var value) ? value : null);
}
