using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>
/// An AMQP 0-9-1 round trip: protocol header, Start/StartOk (PLAIN with the credentials), Tune/TuneOk, Open of the
/// default virtual host, then a polite Close, so the broker logs no "client unexpectedly closed" warning per probe.
/// </summary>
internal static class AmqpProbe
{
    private const byte MethodFrame = 1;
    private const byte FrameEnd = 0xCE;
    private const ushort ConnectionClass = 10;

    public static async Task<bool> CheckAsync(ServerAddress server, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken).ConfigureAwait(false);
        await using var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellationToken).ConfigureAwait(false);

        if (await ReadMethodAsync(stream, cancellationToken).ConfigureAwait(false) is not (ConnectionClass, 10, _))
        {
            return false;
        }

        var startOk = new Writer().Table().ShortString("PLAIN").LongString($"\0{server.UserName}\0{server.Password}").ShortString("en_US");
        await SendAsync(stream, 11, startOk, cancellationToken).ConfigureAwait(false);

        // A refused login is answered with Connection.Close (10, 50) or by closing the socket.
        if (await ReadMethodAsync(stream, cancellationToken).ConfigureAwait(false) is not (ConnectionClass, 30, var tune))
        {
            return false;
        }

        var channelMax = BinaryPrimitives.ReadUInt16BigEndian(tune);
        var frameMax = BinaryPrimitives.ReadUInt32BigEndian(tune.AsSpan(2));
        await SendAsync(stream, 31, new Writer().UInt16(channelMax).UInt32(frameMax).UInt16(0), cancellationToken).ConfigureAwait(false);
        await SendAsync(stream, 40, new Writer().ShortString("/").ShortString("").Byte(0), cancellationToken).ConfigureAwait(false);
        if (await ReadMethodAsync(stream, cancellationToken).ConfigureAwait(false) is not (ConnectionClass, 41, _))
        {
            return false;
        }

        await SendAsync(stream, 50, new Writer().UInt16(200).ShortString("probe").UInt16(0).UInt16(0), cancellationToken).ConfigureAwait(false);
        return await ReadMethodAsync(stream, cancellationToken).ConfigureAwait(false) is (ConnectionClass, 51, _);
    }

    private static async Task SendAsync(NetworkStream stream, ushort method, Writer arguments, CancellationToken cancellationToken)
    {
        var payload = new Writer().UInt16(ConnectionClass).UInt16(method).Bytes(arguments.ToArray()).ToArray();
        var frame = new Writer().Byte(MethodFrame).UInt16(0).UInt32((uint)payload.Length).Bytes(payload).Byte(FrameEnd).ToArray();
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(ushort Class, ushort Method, byte[] Arguments)?> ReadMethodAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[7];
        while (true)
        {
            try
            {
                await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                return null;
            }

            var size = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(3));
            if (size > 1 << 20)
            {
                return null;
            }

            var body = new byte[size + 1];
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            if (header[0] != MethodFrame)
            {
                continue; // heartbeats
            }

            return (BinaryPrimitives.ReadUInt16BigEndian(body), BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2)), body[4..^1]);
        }
    }

    private sealed class Writer
    {
        private readonly MemoryStream _buffer = new();

        public Writer Byte(byte value)
        {
            _buffer.WriteByte(value);
            return this;
        }

        public Writer UInt16(ushort value)
        {
            Span<byte> bytes = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            _buffer.Write(bytes);
            return this;
        }

        public Writer UInt32(uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            _buffer.Write(bytes);
            return this;
        }

        public Writer Bytes(byte[] value)
        {
            _buffer.Write(value);
            return this;
        }

        public Writer ShortString(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            return Byte((byte)bytes.Length).Bytes(bytes);
        }

        public Writer LongString(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            return UInt32((uint)bytes.Length).Bytes(bytes);
        }

        /// <summary>An empty field table.</summary>
        public Writer Table() => UInt32(0);

        public byte[] ToArray() => _buffer.ToArray();
    }
}
