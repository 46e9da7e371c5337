using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SecureRag.Bench;

namespace SecureRag.Query.Bench;

/// <summary>
/// A tenant, a knowledge base filled through the real ingestion path (multipart uploads through the Gateway, parsed,
/// scanned, embedded and indexed by the services), an app over it with the embedded extractive generator, and the
/// app's key.
/// </summary>
public static class Setup
{
    public sealed record Target(string AppId, string AppKey, int Chunks);

    public static async Task<Target> RunAsync(GatewayClient gateway, string ownerKey, Corpus corpus, int chunks, int concurrency, CancellationToken cancellationToken)
    {
        var created = await gateway.SendAsync(HttpMethod.Post, "/v1/tenants", ownerKey, new { name = $"query-bench-{DateTime.UtcNow:HHmmss}" }, cancellationToken);
        var tenantOwner = created["ownerKey"]!["secret"]!.GetValue<string>();
        var user = await gateway.SendAsync(HttpMethod.Post, "/v1/users", tenantOwner, new { displayName = "bench curator" }, cancellationToken);
        var userId = user["id"]!.GetValue<string>();
        await gateway.SendAsync(HttpMethod.Put, $"/v1/users/{userId}/roles", tenantOwner,
            new { roles = new[] { new { role = "builder" }, new { role = "editor" }, new { role = "approver" } } }, cancellationToken);
        var curator = (await gateway.SendAsync(HttpMethod.Post, "/v1/api-keys", tenantOwner,
            new { name = "bench curator", userId, scopes = new[] { "query", "ingest", "admin" } }, cancellationToken))["secret"]!.GetValue<string>();
        var kb = (await gateway.SendAsync(HttpMethod.Post, "/v1/knowledge-bases", tenantOwner, new
        {
            name = "bench",
            classification = "internal",
            access = new[] { "tenant:*" },
            approvalMode = "automatic",
        }, cancellationToken))["id"]!.GetValue<string>();

        var loaded = await LoadAsync(gateway, curator, kb, corpus, chunks, concurrency, cancellationToken);
        var app = (await gateway.SendAsync(HttpMethod.Post, "/v1/apps", curator, new
        {
            name = "bench",
            audience = "internal",
            systemPrompt = "You answer questions about the handbook from its passages.",
            knowledgeBases = new[] { "bench" },
            model = "extractive",
            auditText = "hashed",
        }, cancellationToken))["id"]!.GetValue<string>();
        var key = (await gateway.SendAsync(HttpMethod.Post, "/v1/api-keys", tenantOwner,
            new { name = "bench app", appId = app, scopes = new[] { "query" } }, cancellationToken))["secret"]!.GetValue<string>();
        return new Target(app, key, loaded);
    }

    /// <summary>Uploads generated documents until their chunks reach <paramref name="target"/>, and waits for every job.</summary>
    private static async Task<int> LoadAsync(GatewayClient gateway, string key, string kb, Corpus corpus, int target, int concurrency, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var sample = await UploadAndWaitAsync(gateway, key, kb, corpus, 0, cancellationToken);
        var perDocument = Math.Max(1, sample);
        var documents = Math.Max(1, (int)Math.Ceiling(target / (double)perDocument));
        var total = sample;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < documents)
            {
                var chunks = await UploadAndWaitAsync(gateway, key, kb, corpus, i, cancellationToken);
                var sum = Interlocked.Add(ref total, chunks);
                if (i % 100 == 0)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded {i} documents, {sum} chunks, {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        }));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {total} chunks in {documents} documents, {clock.Elapsed.TotalSeconds:F0} s"));
        return total;
    }

    private static async Task<int> UploadAndWaitAsync(GatewayClient gateway, string key, string kb, Corpus corpus, int seed, CancellationToken cancellationToken)
    {
        var jobUrl = (await gateway.UploadAsync(kb, key, $"part-{seed}.md", $"part-{seed}.md", "text/markdown", corpus.Document(seed, sections: 10, wordsPerSection: 120), cancellationToken))["jobUrl"]!.GetValue<string>();
        while (true)
        {
            var job = await gateway.SendAsync(HttpMethod.Get, jobUrl, key, null, cancellationToken);
            switch (job["state"]!.GetValue<string>())
            {
                case "completed":
                    return job["chunksTotal"]!.GetValue<int>();
                case "failed" or "cancelled":
                    throw new InvalidOperationException($"Ingestion of part {seed} ended: {job.ToJsonString()}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
