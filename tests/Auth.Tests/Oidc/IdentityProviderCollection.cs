namespace SecureRag.Auth.Tests.Oidc;

[CollectionDefinition(Name)]
public sealed class IdentityProviderCollection : ICollectionFixture<TestIdentityProvider>
{
    public const string Name = "oidc-identity-provider";
}
