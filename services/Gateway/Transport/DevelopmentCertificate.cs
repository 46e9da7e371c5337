using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecureRag.ServiceDefaults.Files;

namespace SecureRag.Gateway.Transport;

/// <summary>A self-signed certificate for localhost, created once and kept (owner-only) for later starts.</summary>
public static class DevelopmentCertificate
{
    public static X509Certificate2 LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }

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

        var pfx = certificate.Export(X509ContentType.Pfx);
        using (var file = OwnerOnlyFile.Open(path, FileMode.CreateNew))
        {
            file.Write(pfx);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }
}
