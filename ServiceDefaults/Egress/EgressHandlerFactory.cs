using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SecureRag.ServiceDefaults.Egress;

/// <summary>
/// Builds the one HTTP handler every outbound call goes through: it resolves the host itself, connects only to
/// addresses the <see cref="EgressGuard"/> allows, checks the address the socket actually reached, ignores proxy
/// settings (a proxy would connect on our behalf, unchecked) and does not follow redirects.
/// </summary>
public static class EgressHandlerFactory
{
    /// <summary>
    /// Connections are re-established (and so re-resolved and re-checked) at least this often, so a changed DNS answer
    /// is seen even on a busy pooled connection.
    /// </summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>A handler whose every new connection is resolved with <paramref name="resolver"/> and checked by <paramref name="guard"/>.</summary>
    /// <param name="logger">Receives a warning for every refused address (host and address only).</param>
    /// <param name="connectTimeout">How long one connection attempt may take.</param>
    public static SocketsHttpHandler Create(EgressGuard guard, IHostAddressResolver resolver, ILogger logger, TimeSpan connectTimeout) =>
        new()
        {
            UseProxy = false,
            Proxy = null,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = PooledConnectionLifetime,
            ConnectCallback = (context, cancellationToken) =>
                ConnectAsync(context.DnsEndPoint, guard, resolver, logger, cancellationToken),
        };

    private static async ValueTask<Stream> ConnectAsync(
        DnsEndPoint endpoint, EgressGuard guard, IHostAddressResolver resolver, ILogger logger, CancellationToken cancellationToken)
    {
        var addresses = await EgressGuard.ResolveAsync(endpoint.Host, resolver, cancellationToken);
        EgressDecision? refused = null;
        Exception? lastFailure = null;
        foreach (var address in addresses)
        {
            var decision = guard.Evaluate(endpoint.Host, address);
            if (!decision.Allowed)
            {
                logger.LogWarning("Egress refused: {Host} resolved to {Address}, which {Reason}", endpoint.Host, decision.Address, decision.Reason);
                refused ??= decision;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);

                // The address the socket reached, not the one asked for, is what data would be sent to.
                var reached = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
                var actual = guard.Evaluate(endpoint.Host, reached);
                if (!actual.Allowed)
                {
                    logger.LogWarning("Egress refused after connect: {Host} reached {Address}, which {Reason}", endpoint.Host, actual.Address, actual.Reason);
                    throw new EgressDeniedException(actual);
                }

                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastFailure = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastFailure is not null)
        {
            throw lastFailure;
        }

        if (refused is not null)
        {
            throw new EgressDeniedException(refused);
        }

        throw new SocketException((int)SocketError.HostNotFound);
    }
}
