namespace SecureRag.ServiceDefaults.Security;

public enum PrincipalKind
{
    User,
    ApiKey,
    Service,
}
