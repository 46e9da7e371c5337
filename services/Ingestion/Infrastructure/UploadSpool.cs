using System.Security.Cryptography;
using Grpc.Core;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Infrastructure;

/// <summary>
/// An upload received into a temporary file (deleted on dispose) while its size is counted and its SHA-256 computed,
/// so neither the file nor its hash needs it in memory. The size limit is enforced as the bytes arrive.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private UploadSpool(FileStream file, long length, string contentHash)
    {
        File = file;
        Length = length;
        ContentHash = contentHash;
    }

    public FileStream File { get; }

    public long Length { get; }

    /// <summary>Lower-case hex SHA-256.</summary>
    public string ContentHash { get; }

    /// <exception cref="DocumentRejectedException">Over <paramref name="limit"/> bytes, or no bytes at all.</exception>
    public static async Task<UploadSpool> ReceiveAsync(IAsyncStreamReader<UploadDocumentRequest> requests, long limit, string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"ingestion-upload-{Guid.NewGuid():N}.part");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            while (await requests.MoveNext(cancellationToken))
            {
                var part = requests.Current;
                if (part.PartCase != UploadDocumentRequest.PartOneofCase.Data)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "data: only the first message may carry metadata."));
                }

                length += part.Data.Length;
                if (length > limit)
                {
                    throw new DocumentRejectedException(RejectionCode.TooLarge, $"The file is larger than {limit} bytes.");
                }

                hash.AppendData(part.Data.Span);
                await file.WriteAsync(part.Data.Memory, cancellationToken);
            }

            if (length == 0)
            {
                throw new DocumentRejectedException(RejectionCode.Empty, "The file is empty.");
            }

            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return new UploadSpool(file, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();
}
