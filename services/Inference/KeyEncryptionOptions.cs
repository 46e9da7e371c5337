namespace SecureRag.Inference;

/// <summary>
/// <c>Inference:KeyEncryption</c>: the certificate (PFX with private key) that encrypts the Data Protection key ring
/// at rest. Required outside Development.
/// </summary>
public sealed class KeyEncryptionOptions
{
    /// <summary>Path of a PFX file (a mounted Kubernetes Secret, say).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX itself, base64-encoded.</summary>
    public string? CertificateBase64 { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Development only: where the generated certificate is kept between runs.</summary>
    public string? DevelopmentCertificatePath { get; set; }
}
