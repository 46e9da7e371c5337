using System.Net;
using System.Net.Sockets;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Picks free loopback TCP ports.</summary>
internal static class PortAllocator
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct free ports. All listeners stay open until every port is chosen, so the
    /// kernel cannot hand out the same port twice.
    /// </summary>
    public static int[] Allocate(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
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
}
