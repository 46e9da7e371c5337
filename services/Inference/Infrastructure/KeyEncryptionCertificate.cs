using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using SecureRag.ServiceDefaults.Files;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest. Outside Development it must come from
/// configuration (a Kubernetes Secret); in Development one is generated at first start and kept, readable only by its
/// owner, so the key ring stays readable across restarts.
/// </summary>
public static class KeyEncryptionCertificate
{
    /// <returns>The certificate, and the path of a generated one (null when it came from configuration).</returns>
    public static (X509Certificate2 Certificate, string? GeneratedPath) Load(KeyEncryptionOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificateBase64))
        {
            return (X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(options.CertificateBase64), options.CertificatePassword), null);
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return (X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword), null);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Inference:KeyEncryption:CertificatePath or Inference:KeyEncryption:CertificateBase64 is required outside Development: " +
                "the key ring that encrypts provider credentials must be protected by a key-encryption certificate (PFX with private key).");
        }

        var path = options.DevelopmentCertificatePath
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "SecureRag", "inference-key-encryption.pfx");
        if (!File.Exists(path))
        {
            Generate(path);
        }

        return (X509CertificateLoader.LoadPkcs12FromFile(path, password: null), path);
    }

    public static X509Certificate2 Create(string subject = "CN=SecureRag Inference key encryption (development)")
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(10));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    private static void Generate(string path)
    {
        using var certificate = Create();
        using var file = OwnerOnlyFile.Open(path, FileMode.CreateNew);
        file.Write(certificate.Export(X509ContentType.Pfx));
    }
}
