namespace SecureRag.Inference.Infrastructure;

/// <summary>A credential in clear, held only as long as a client needs it; prints as <c>***</c> wherever it ends up.</summary>
public sealed class ProviderSecret(string value)
{
    public string Reveal() => value;

    public override string ToString() => "***";
}
