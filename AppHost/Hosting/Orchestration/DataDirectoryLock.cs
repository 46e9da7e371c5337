namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// An exclusive lock on the data directory for the life of the AppHost. .NET implements <see cref="FileShare.None"/>
/// with <c>flock</c> on Unix, which the kernel releases when the process dies, however it dies.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "apphost.lock");
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The data directory '{dataDirectory}' is in use by another AppHost. Stop it, or use another directory (AppHost:DataDirectory).", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
