using System.Net.Sockets;
using System.Text;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>A Redis round trip in RESP: <c>AUTH</c> with the password, then <c>PING</c> must answer <c>+PONG</c>.</summary>
internal static class RedisProbe
{
    public static async Task<bool> CheckAsync(ServerAddress server, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken).ConfigureAwait(false);
        await using var stream = client.GetStream();
        var authenticate = server.Password.Length > 0;
        var request = (authenticate ? Command("AUTH", server.Password) : "") + Command("PING");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken).ConfigureAwait(false);

        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        if (authenticate && await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) != "+OK")
        {
            return false;
        }

        // While it loads its data from disk Redis answers -LOADING: not healthy yet.
        return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) == "+PONG";
    }

    private static string Command(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));
}
