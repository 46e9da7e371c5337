using Npgsql;

namespace SecureRag.Ingestion.Infrastructure;

/// <summary>
/// A session-level advisory lock on a job, held on its own connection while a worker runs the job. If the process
/// dies, the connection drops and the lock goes with it, so a redelivered message finds the job free at once.
/// </summary>
public sealed class JobLease(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public static long KeyOf(Guid jobId) => BitConverter.ToInt64(jobId.ToByteArray(), 8) ^ 0x5EC0_4A61_0000_0001;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", connection);
            command.Parameters.AddWithValue("k", key);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }

        await connection.DisposeAsync();
    }
}
