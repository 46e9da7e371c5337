using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// A Lua script run by EVALSHA: one round trip that never ships the source. Redis names a script by the SHA-1 of its
/// text, so the digest is computed here; when the server does not know it (first use, restart, SCRIPT FLUSH) the
/// source is sent once with EVAL, which also caches it on that server.
/// </summary>
internal sealed class RedisScript(string source, RateLimitMetrics metrics)
{
    private readonly byte[] _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(source));

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[] keys, RedisValue[] args)
    {
        metrics.RedisCommandSent();
        try
        {
            return await database.ScriptEvaluateAsync(_sha1, keys, args);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            metrics.RedisCommandSent();
            return await database.ScriptEvaluateAsync(source, keys, args);
        }
    }
}
