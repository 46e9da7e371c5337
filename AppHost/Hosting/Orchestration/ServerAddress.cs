namespace SecureRag.Hosting.Orchestration;

/// <summary>Where a server listens and the credentials of its administrator.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="UserName">The administrator (PostgreSQL, RabbitMQ); empty for Redis.</param>
/// <param name="Password">Its password (Redis: the <c>requirepass</c> password), never logged.</param>
/// <param name="IsExternal">Whether the server was given in configuration rather than started by the AppHost.</param>
internal sealed record ServerAddress(string Host, int Port, string UserName, string Password, bool IsExternal = false)
{
    public override string ToString() => $"{Host}:{Port}";
}
