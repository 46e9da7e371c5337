namespace SecureRag.Hosting.Servers;

/// <summary>Finds the installed server binaries (Debian's packages, installed by <c>scripts/setup.sh</c>).</summary>
internal static class ServerBinaries
{
    private const string Hint = "Install the local stack with 'bash scripts/setup.sh', or set the path in AppHost:Binaries.";

    /// <summary>The folder with <c>initdb</c> and <c>postgres</c>; PostgreSQL 15 preferred, else the newest installed.</summary>
    public static string PostgresBinDirectory(ServerBinariesOptions options)
    {
        var candidates = options.PostgresBinDirectory is { } configured
            ? [configured]
            : new[] { "/usr/lib/postgresql/15/bin" }.Concat(
                Directory.Exists("/usr/lib/postgresql")
                    ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
                    : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException($"PostgreSQL's server binaries (initdb, postgres) were not found. {Hint}");
    }

    public static string RedisServer(ServerBinariesOptions options) =>
        Existing(options.RedisServer ?? "/usr/bin/redis-server", "redis-server");

    /// <summary>RabbitMQ's own script, not Debian's <c>/usr/sbin</c> wrapper, which switches user and drops the environment.</summary>
    public static string RabbitMQServer(ServerBinariesOptions options)
    {
        if (options.RabbitMQServer is { } configured)
        {
            return Existing(configured, "rabbitmq-server");
        }

        var found = Directory.Exists("/usr/lib/rabbitmq/lib")
            ? Directory.GetDirectories("/usr/lib/rabbitmq/lib", "rabbitmq_server-*").OrderDescending(StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "sbin", "rabbitmq-server")).FirstOrDefault(File.Exists)
            : null;
        return found ?? throw new InvalidOperationException($"RabbitMQ's server script (/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server) was not found. {Hint}");
    }

    public static string Epmd(ServerBinariesOptions options) => Existing(options.Epmd ?? "/usr/bin/epmd", "epmd");

    private static string Existing(string path, string name) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{name} was not found at '{path}'. {Hint}");
}
