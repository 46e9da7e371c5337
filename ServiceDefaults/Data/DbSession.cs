using Npgsql;

namespace SecureRag.ServiceDefaults.Data;

/// <summary>
/// One open connection and transaction. Work that must happen only once the transaction has committed
/// (waking the outbox relay, say) registers itself with <see cref="OnCommitted"/>.
/// </summary>
public sealed class DbSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private readonly List<Action> _afterCommit = [];

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public void OnCommitted(Action action) => _afterCommit.Add(action);

    internal void Committed()
    {
        foreach (var action in _afterCommit)
        {
            action();
        }
    }
}
