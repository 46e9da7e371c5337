using System.Net;
using System.Net.Sockets;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Picks free loopback TCP ports below the kernel's ephemeral range. A port the kernel handed out as free (port 0) lies
/// inside that range, so between planning and a service's start any outgoing connection on the machine may take it as
/// its source port; the service then cannot bind it on any restart. Below the range only listeners compete.
/// </summary>
internal static class PortAllocator
{
    private const int LowestPort = 10_000;
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>
    /// Returns <paramref name="count"/> distinct free ports, from a random point of the range so that AppHosts started
    /// side by side rarely try the same ones. All listeners stay open until every port is chosen.
    /// </summary>
    public static int[] Allocate(int count)
    {
        var highest = EphemeralRangeStart() - 1;
        var size = highest - LowestPort + 1;
        var listeners = new List<TcpListener>(count);
        try
        {
            var start = Random.Shared.Next(size);
            for (var i = 0; i < size && listeners.Count < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, LowestPort + ((start + i) % size));
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose();
                }
            }

            if (listeners.Count < count)
            {
                throw new InvalidOperationException($"Fewer than {count} free loopback ports between {LowestPort} and {highest}.");
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>The first port of the ephemeral range (Linux's default, 32768, where the kernel does not say).</summary>
    private static int EphemeralRangeStart() =>
        File.Exists(EphemeralRangeFile)
        && int.TryParse(File.ReadAllText(EphemeralRangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var start)
        && start > LowestPort + 1_000
            ? start
            : 32_768;
}
