using Npgsql;

namespace SecureRag.Hosting.Orchestration;

/// <summary>The connection-string formats the services read (the ones Aspire's integrations produce).</summary>
internal static class ConnectionStringFormat
{
    public static string Postgres(ServerAddress server, string? database) =>
        $"Host={server.Host};Port={server.Port};{(database is null ? "" : $"Database={database};")}Username={server.UserName};Password={server.Password}";

    /// <summary>A service's own role, whose search path is its own schema.</summary>
    public static string PostgresRole(ServerAddress server, string database, string role, string password) =>
        $"Host={server.Host};Port={server.Port};Database={database};Username={role};Password={password};Search Path={role}";

    /// <summary>StackExchange.Redis configuration format.</summary>
    public static string Redis(ServerAddress server) => $"{server.Host}:{server.Port},password={server.Password}";

    public static string Amqp(ServerAddress server) =>
        $"amqp://{Uri.EscapeDataString(server.UserName)}:{Uri.EscapeDataString(server.Password)}@{server.Host}:{server.Port}/";

    /// <summary>Reads an administrator's connection string given in configuration.</summary>
    public static ServerAddress ParsePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new ServerAddress(builder.Host ?? "127.0.0.1", builder.Port, builder.Username ?? "postgres", builder.Password ?? "", IsExternal: true);
    }

    /// <summary>Reads <c>host:port,password=…</c> (other options are ignored).</summary>
    public static ServerAddress ParseRedis(string connectionString)
    {
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var endpoint = parts.FirstOrDefault(p => !p.Contains('=')) ?? "127.0.0.1:6379";
        var password = parts.FirstOrDefault(p => p.StartsWith("password=", StringComparison.OrdinalIgnoreCase))?["password=".Length..] ?? "";
        var colon = endpoint.LastIndexOf(':');
        return colon < 0
            ? new ServerAddress(endpoint, 6379, "", password, IsExternal: true)
            : new ServerAddress(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), "", password, IsExternal: true);
    }

    public static ServerAddress ParseAmqp(string connectionString)
    {
        var uri = new Uri(connectionString);
        var userInfo = uri.UserInfo.Split(':', 2);
        return new ServerAddress(
            uri.Host,
            uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port,
            Uri.UnescapeDataString(userInfo[0] is { Length: > 0 } user ? user : "guest"),
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest",
            IsExternal: true);
    }
}
