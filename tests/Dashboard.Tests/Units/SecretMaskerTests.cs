using SecureRag.Hosting.Dashboard;

namespace SecureRag.Dashboard.Tests.Units;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("Audit__ChainKey")]
    [InlineData("Auth__ApiKeyDigestKey")]
    [InlineData("Auth__KeyEncryptionKey")]
    [InlineData("Auth__ServiceCredentials__gateway")]
    [InlineData("ServiceIdentity__Secret")]
    [InlineData("PGPASSWORD")]
    [InlineData("Inference__Credentials__local__ApiKey")]
    [InlineData("Some:Access:Token")]
    [InlineData("RABBITMQ_ERLANG_COOKIE")]
    public void AVariableNamedLikeASecretIsMaskedWhole(string name)
    {
        Assert.True(SecretMasker.IsSecretName(name));
        Assert.Equal(SecretMasker.Mask, SecretMasker.MaskValue(name, "anything at all"));
    }

    [Theory]
    [InlineData("Auth__BootstrapCredentialPath")]
    [InlineData("Inference__KeyEncryption__DevelopmentCertificatePath")]
    [InlineData("ServiceIdentity__Name")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("Kestrel__Endpoints__http__Url")]
    [InlineData("ConnectionStrings__securerag")]
    public void AVariableThatOnlySaysWhereASecretIsKeptIsNotMaskedByName(string name) =>
        Assert.False(SecretMasker.IsSecretName(name));

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=audit;Password=s3cr3t-value;Search Path=audit", "Host=127.0.0.1;Port=5432;Username=audit;Password=••••••••;Search Path=audit")]
    [InlineData("127.0.0.1:6379,password=s3cr3t-value", "127.0.0.1:6379,password=••••••••")]
    [InlineData("amqp://securerag:s3cr3t-value@127.0.0.1:5672/", "amqp://securerag:••••••••@127.0.0.1:5672/")]
    [InlineData("Server=db;Pwd = s3cr3t-value", "Server=db;Pwd = ••••••••")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    public void APasswordInsideAConnectionStringOrUriIsMasked(string value, string expected) =>
        Assert.Equal(expected, SecretMasker.MaskValue("ConnectionStrings__x", value));
}
