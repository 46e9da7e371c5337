namespace SecureRag.Auth.Domain;

/// <summary>A credential was refused. The reason is for the audit trail and logs, never for the caller.</summary>
public sealed class AuthenticationFailedException(string reason) : Exception(reason);
