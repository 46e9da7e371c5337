using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecureRag.Audit.Domain;

public sealed class CheckpointSigner(ChainKeys keys)
{
    public Checkpoint Sign(ChainHead head, DateTimeOffset createdAt)
    {
        var at = Microseconds.Truncate(createdAt);
        return new Checkpoint(head.Sequence, head.Hmac, at, Compute(head.Sequence, head.Hmac, at));
    }

    public bool IsAuthentic(Checkpoint checkpoint) =>
        CryptographicOperations.FixedTimeEquals(
            Compute(checkpoint.Sequence, checkpoint.Hmac, checkpoint.CreatedAt), checkpoint.Signature);

    private byte[] Compute(long sequence, byte[] hmac, DateTimeOffset createdAt) =>
        HMACSHA256.HashData(keys.Checkpoints, Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"securerag.audit.checkpoint.v1\n{sequence}\n{Convert.ToBase64String(hmac)}\n{Microseconds.SinceEpoch(createdAt)}")));
}
