namespace SecureRag.Audit.Domain;

/// <summary>The newest link of the chain: sequence 0 and the genesis HMAC while it is empty.</summary>
public sealed record ChainHead(long Sequence, byte[] Hmac)
{
    public static ChainHead Empty { get; } = new(0, ChainHasher.Genesis);
}
