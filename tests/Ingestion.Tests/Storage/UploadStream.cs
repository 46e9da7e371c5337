using Google.Protobuf;
using Grpc.Core;
using SecureRag.Contracts.Ingestion;

namespace SecureRag.Ingestion.Tests.Storage;

/// <summary>A client stream as the Gateway sends it: the metadata, then the file in small messages.</summary>
public sealed class UploadStream(UploadMetadata metadata, byte[] content, int messageBytes = 16 * 1024) : IAsyncStreamReader<UploadDocumentRequest>
{
    private int _position = -1;

    public UploadDocumentRequest Current { get; private set; } = new();

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_position < 0)
        {
            Current = new UploadDocumentRequest { Metadata = metadata };
            _position = 0;
            return Task.FromResult(true);
        }

        if (_position >= content.Length)
        {
            return Task.FromResult(false);
        }

        var length = Math.Min(messageBytes, content.Length - _position);
        Current = new UploadDocumentRequest { Data = ByteString.CopyFrom(content, _position, length) };
        _position += length;
        return Task.FromResult(true);
    }
}
