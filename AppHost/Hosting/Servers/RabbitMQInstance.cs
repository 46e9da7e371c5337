using System.Globalization;
using System.Net.Sockets;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>
/// A private RabbitMQ node started with the package's own script, everything in the resource folder (Mnesia, logs, the
/// Erlang cookie in HOME), with its own Erlang port mapper (epmd) on a private port, started in the foreground by us so
/// nothing outlives the AppHost. The administrator and password come from <c>rabbitmq.conf</c> (mode 0600), which
/// RabbitMQ applies when it creates its database, at the first start.
/// </summary>
internal sealed class RabbitMQInstance(RabbitMQServerResource resource, OrchestratorContext context)
    : InstanceRunner(resource.Name, resource.Name, context)
{
    private ManagedProcess? _epmd;

    private ServerAddress Address => Context.Addresses.Server(resource);

    protected override IReadOnlyDictionary<string, Uri> Endpoints =>
        new Dictionary<string, Uri> { ["tcp"] = new($"tcp://{Address.Host}:{Address.Port}") };

    /// <summary>The node name, stable for a data folder: Mnesia's files are named after it.</summary>
    public static string NodeName(SecretStore secrets) =>
        secrets.GetOrCreate("node-name", () => "rabbit-" + SecretStore.NewPassword(10).ToLowerInvariant()) + "@localhost";

    protected override async Task<ProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        var script = ServerBinaries.RabbitMQServer(Context.Options.Binaries);
        var epmd = ServerBinaries.Epmd(Context.Options.Binaries);
        var root = Context.ResourceDirectory(resource.Name);
        var privateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var folder in new[] { "mnesia", "log", "home" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder), privateFolder);
        }

        var configuration = Path.Combine(root, "rabbitmq.conf");
        SecureFile.WriteAllText(configuration, $"""
            default_user = {Address.UserName}
            default_pass = {Address.Password}
            default_user_tags.administrator = true
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        var plugins = Path.Combine(root, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[].", cancellationToken).ConfigureAwait(false);
        var environmentFile = Path.Combine(root, "rabbitmq-env.conf");
        await File.WriteAllTextAsync(environmentFile, "", cancellationToken).ConfigureAwait(false);

        var ports = PortAllocator.Allocate(2);
        var epmdPort = ports[0].ToString(CultureInfo.InvariantCulture);
        _epmd = StartHelper(new ProcessSpec { FileName = epmd, Arguments = ["-port", epmdPort, "-address", "127.0.0.1"], WorkingDirectory = root }, LibC.SigTerm);
        await WaitForPortAsync(ports[0], _epmd, cancellationToken).ConfigureAwait(false);

        return new ProcessSpec
        {
            FileName = script,
            WorkingDirectory = root,
            RemoveInheritedPrefixes = ["RABBITMQ_", "ERL_"],
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = Path.Combine(root, "home"),
                ["LANG"] = "C.UTF-8",
                ["LC_ALL"] = "C.UTF-8",
                ["ERL_EPMD_PORT"] = epmdPort,
                ["RABBITMQ_NODENAME"] = NodeName(Context.Secrets(resource.Name)),
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = Address.Port.ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_DIST_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture),
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
                ["RABBITMQ_CONFIG_FILE"] = configuration,
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
                ["RABBITMQ_CONF_ENV_FILE"] = environmentFile,
                // Never start a shared epmd daemon; keep distribution on loopback.
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}",
            },
        };
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => AmqpProbe.CheckAsync(Address, cancellationToken);

    protected override async Task CleanUpAsync()
    {
        if (_epmd is { } epmd)
        {
            _epmd = null;
            await epmd.StopAsync(LibC.SigTerm, TimeSpan.FromSeconds(5), Context.TimeProvider, CancellationToken.None).ConfigureAwait(false);
            Context.Pids.Remove(epmd.Id);
            epmd.Dispose();
        }
    }

    private async Task WaitForPortAsync(int port, ManagedProcess process, CancellationToken cancellationToken)
    {
        var deadline = Context.TimeProvider.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (!process.HasExited && Context.TimeProvider.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), Context.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"epmd did not listen on port {port}.", ex);
            }
        }
    }
}
