using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

/// <summary>The Gateway's public endpoint serves HTTPS, in Development with the certificate it creates at first start.</summary>
[SupportedOSPlatform("linux")]
public sealed class GatewayHttpsTests(PlatformFixture platform)
{
    [Fact]
    public async Task EveryReplicaServesTheApiOverHttpsWithTheOneDevelopmentCertificateKeptOwnerOnly()
    {
        var path = Path.Combine(platform.App.DataDirectory, "gateway", "development-certificate.pfx");
        using var kept = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        for (var replica = 0; replica < 2; replica++)
        {
            string? presented = null;
            using var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate?.GetCertHashString();
                return true;
            };
            using var client = new HttpClient(handler) { BaseAddress = platform.App.GetEndpoint("gateway", ProjectResource.HttpsEndpointName, replica) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", platform.Client.OwnerKey);

            using var response = await client.GetAsync("/v1/me", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("https", client.BaseAddress!.Scheme);
            Assert.Equal(kept.Thumbprint, presented);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains("localhost", kept.GetNameInfo(X509NameType.DnsName, forIssuer: false), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }
}
