using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using StackExchange.Redis;

namespace SecureRag.Gateway.Tests.RateLimiting;

/// <summary>
/// A private redis-server on a free loopback port, with a password and a throwaway directory, started once for the
/// collection and killed at its end.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("securerag-redis-").FullName;
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private Process? _process;
    private int _port;

    /// <summary>StackExchange.Redis format, as the AppHost hands it to the Gateway.</summary>
    public string ConnectionString => $"127.0.0.1:{_port},password={_password}";

    public async ValueTask InitializeAsync()
    {
        _port = FreePort();
        _process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--bind", "127.0.0.1", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--requirepass", _password, "--dir", _directory, "--logfile", Path.Combine(_directory, "redis.log"),
                "--save", "", "--appendonly", "no", "--daemonize", "no",
            },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (is it installed? scripts/setup.sh).");

        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            try
            {
                await using var connection = await ConnectAsync();
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!timeout.IsCancellationRequested && !_process.HasExited)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    public Task<ConnectionMultiplexer> ConnectAsync(bool allowAdmin = false)
    {
        var options = ConfigurationOptions.Parse(ConnectionString);
        options.AllowAdmin = allowAdmin;
        options.ConnectTimeout = 2_000;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
