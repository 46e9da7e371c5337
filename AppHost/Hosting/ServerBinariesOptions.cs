namespace SecureRag.Hosting;

/// <summary>Locations of the server binaries (<c>AppHost:Binaries</c>); Debian's packages by default.</summary>
public sealed class ServerBinariesOptions
{
    /// <summary>The folder of <c>initdb</c> and <c>postgres</c>; <c>/usr/lib/postgresql/15/bin</c> by default.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>The OS user PostgreSQL runs as when the AppHost runs as root (PostgreSQL refuses root).</summary>
    public string PostgresOsUser { get; set; } = "postgres";

    /// <summary>The <c>redis-server</c> executable; <c>/usr/bin/redis-server</c> by default.</summary>
    public string? RedisServer { get; set; }

    /// <summary>
    /// RabbitMQ's own start script, <c>/usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin/rabbitmq-server</c> by default
    /// (Debian's <c>/usr/sbin</c> wrapper switches user and drops the environment).
    /// </summary>
    public string? RabbitMQServer { get; set; }

    /// <summary>Erlang's port mapper, started privately for the broker; <c>/usr/bin/epmd</c> by default.</summary>
    public string? Epmd { get; set; }
}
