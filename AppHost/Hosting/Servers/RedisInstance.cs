using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>A private Redis server on a loopback port, password-protected, persisting to an append-only file.</summary>
internal sealed class RedisInstance(RedisResource resource, OrchestratorContext context)
    : InstanceRunner(resource.Name, resource.Name, context)
{
    private ServerAddress Address => Context.Addresses.Server(resource);

    protected override IReadOnlyDictionary<string, Uri> Endpoints =>
        new Dictionary<string, Uri> { ["tcp"] = new($"tcp://{Address.Host}:{Address.Port}") };

    protected override Task<ProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        var server = ServerBinaries.RedisServer(Context.Options.Binaries);
        var root = Context.ResourceDirectory(resource.Name);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // The password is in the configuration file (mode 0600), not on the command line, where ps would show it.
        var configuration = Path.Combine(root, "redis.conf");
        SecureFile.WriteAllText(configuration, $"""
            bind 127.0.0.1
            port {Address.Port}
            protected-mode yes
            daemonize no
            supervised no
            dir "{data}"
            appendonly yes
            save 60 1
            logfile ""
            loglevel notice
            requirepass {Address.Password}
            """);
        return Task.FromResult(new ProcessSpec { FileName = server, Arguments = [configuration], WorkingDirectory = root });
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => RedisProbe.CheckAsync(Address, cancellationToken);
}
