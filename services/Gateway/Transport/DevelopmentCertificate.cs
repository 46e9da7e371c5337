using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecureRag.ServiceDefaults.Files;

namespace SecureRag.Gateway.Transport;

/// <summary>A self-signed certificate for localhost, created once and kept (owner-only) for later starts.</summary>
public static class DevelopmentCertificate
{
    public static X509Certificate2 LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    private static void Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));

        // Replicas starting together may each create one: each writes its own file and the first to move it in wins,
        // so no replica ever reads a half-written certificate.
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = OwnerOnlyFile.Open(written, FileMode.CreateNew))
        {
            file.Write(certificate.Export(X509ContentType.Pfx));
        }

        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(written);
        }
    }
}
