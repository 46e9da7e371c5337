using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>The usable keys of one fetched discovery document, computed once per document.</summary>
internal sealed record IssuerKeySnapshot(OpenIdConnectConfiguration Source, IReadOnlyList<SecurityKey> Keys);
