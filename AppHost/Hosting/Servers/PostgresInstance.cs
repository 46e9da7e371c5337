using System.Globalization;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>
/// A private PostgreSQL server: <c>initdb</c> at the first start (SCRAM authentication, the administrator's generated
/// password), then <c>postgres</c> on a loopback port without Unix sockets. As root it runs as the <c>postgres</c> user,
/// which owns the data folder.
/// </summary>
internal sealed class PostgresInstance(PostgresServerResource resource, OrchestratorContext context)
    : InstanceRunner(resource.Name, resource.Name, context)
{
    /// <summary>SIGINT is PostgreSQL's fast shutdown: sessions are rolled back, a checkpoint is written, and it exits.</summary>
    protected override int StopSignal => LibC.SigInt;

    private ServerAddress Address => Context.Addresses.Server(resource);

    protected override IReadOnlyDictionary<string, Uri> Endpoints =>
        new Dictionary<string, Uri> { ["tcp"] = new($"tcp://{Address.Host}:{Address.Port}") };

    /// <summary>The data folder under a server's resource folder.</summary>
    public static string DataFolder(string resourceDirectory) => Path.Combine(resourceDirectory, "pgdata");

    protected override async Task<ProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        var bin = ServerBinaries.PostgresBinDirectory(Context.Options.Binaries);
        var root = Context.ResourceDirectory(resource.Name);
        var data = DataFolder(root);
        var user = LibC.IsRoot ? OsUser.Find(Context.Options.Binaries.PostgresOsUser) : null;

        // The server's user must be able to reach its data folder.
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await InitializeAsync(bin, root, data, user, cancellationToken).ConfigureAwait(false);
        }

        RemoveStaleLockFile(data);
        return new ProcessSpec
        {
            FileName = Path.Combine(bin, "postgres"),
            Arguments =
            [
                "-D", data,
                "-p", Address.Port.ToString(CultureInfo.InvariantCulture),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=300",
                "-c", "logging_collector=off",
            ],
            WorkingDirectory = root,
            UserName = user?.Name,
            Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8", ["PGDATA"] = null },
        };
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        PostgresProbe.CheckAsync(ConnectionStringFormat.Postgres(Address, "postgres"), cancellationToken);

    private async Task InitializeAsync(string bin, string root, string data, OsUser? user, CancellationToken cancellationToken)
    {
        // A folder without PG_VERSION is what an interrupted first start leaves: start over.
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        user?.Own(data);
        var passwordFile = Path.Combine(root, "initdb.pw");
        SecureFile.WriteAllText(passwordFile, Address.Password);
        user?.Own(passwordFile);
        try
        {
            await RunToolAsync(new ProcessSpec
            {
                FileName = Path.Combine(bin, "initdb"),
                Arguments =
                [
                    "-D", data, "-U", PostgresServerResource.AdminUserName, "--pwfile", passwordFile,
                    "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
                ],
                WorkingDirectory = root,
                UserName = user?.Name,
                Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8" },
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// A server that was killed leaves <c>postmaster.pid</c>; PostgreSQL refuses to start if the pid in it now
    /// belongs to another process, so remove it unless a postgres really runs with that pid.
    /// </summary>
    private static void RemoveStaleLockFile(string data)
    {
        var lockFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(lockFile))
        {
            return;
        }

        var firstLine = File.ReadLines(lockFile).FirstOrDefault();
        if (int.TryParse(firstLine, CultureInfo.InvariantCulture, out var pid) && ProcFs.IsAlive(pid) && ProcFs.CommandLine(pid).Contains("postgres", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A PostgreSQL server (pid {pid}) already runs on '{data}'.");
        }

        File.Delete(lockFile);
    }
}
