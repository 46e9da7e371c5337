using Dapper;
using Microsoft.Extensions.Options;
using SecureRag.Auth.Domain;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Files;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Infrastructure;

/// <summary>
/// At the platform's first start, creates the first tenant, its owner (a platform operator) and a one-time bootstrap
/// credential, written to a file only its owner can read. The credential's only use is to be exchanged, once, for an
/// owner key. Replicas starting together create it once (advisory lock); the file is written before commit, so a
/// failure leaves nothing half-made.
/// </summary>
public sealed class BootstrapOwner(
    ServiceDatabase database,
    DirectoryStore directory,
    ApiKeyStore keys,
    ApiKeySecrets secrets,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<BootstrapOwner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InTransactionAsync(async (session, ct) =>
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtext('securerag.auth.bootstrap'))", transaction: session.Transaction, cancellationToken: ct));
            if (await directory.AnyTenantAsync(session, ct))
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var tenant = new TenantRecord(Guid.CreateVersion7(), "default", "standard", now);
            var owner = new UserRecord(Guid.CreateVersion7(), tenant.Id, "", "bootstrap owner", null, null, false, PlatformOperator: true);
            var (secret, digest, prefix) = secrets.Create();
            await directory.InsertTenantAsync(session, tenant, ct);
            await directory.InsertUserAsync(session, owner, ct);
            await directory.SetRolesAsync(session, owner.Id, [new RoleGrant(Roles.Owner, ""), new RoleGrant(Roles.Admin, "")], ct);
            await keys.InsertAsync(session, new StoredApiKey(
                Guid.CreateVersion7(), tenant.Id, "bootstrap", null, owner.Id, digest, prefix, [], [], null, Bootstrap: true, now, null, null), "auth", ct);

            var path = Path.GetFullPath(options.Value.BootstrapCredentialPath);
            await using (var file = OwnerOnlyFile.Open(path, FileMode.Create))
            await using (var writer = new StreamWriter(file))
            {
                await writer.WriteLineAsync(secret);
            }

            logger.LogWarning("First start: the one-time bootstrap owner credential is in {Path}. Exchange it with POST /v1/bootstrap", path);
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
