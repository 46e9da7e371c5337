using System.Text.Json.Nodes;
using Npgsql;
using SecureRag.Integration.Tests.Foundation;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>
/// Ingestion loses and duplicates nothing when its process is killed mid-batch, when RabbitMQ restarts mid-run, or
/// while Guardrail is down. These stop and kill processes, so they run on a platform of their own.
/// </summary>
public sealed class IngestionFaultTests(FaultToleranceTests.OwnPlatform platform) : IClassFixture<FaultToleranceTests.OwnPlatform>
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task EveryDocumentIsIndexedExactlyOnceAfterIngestionIsKilledMidBatch()
    {
        var ct = TestContext.Current.CancellationToken;
        var (editor, knowledgeBaseId) = await SetUpAsync("killed");
        var documents = await UploadManyAsync(editor, knowledgeBaseId, count: 120, "killed");
        await Eventually.TrueAsync(async () => await CompletedJobsAsync(knowledgeBaseId) > 0, RecoveryTimeout, "the first jobs to complete");

        var completedBeforeKill = await CompletedJobsAsync(knowledgeBaseId);
        await platform.App.KillResourceAsync("ingestion", ct);

        Assert.True(completedBeforeKill < documents.Count, "Every job had completed before the kill; the test proved nothing.");
        await AssertIndexedExactlyOnceAsync(knowledgeBaseId, documents);
    }

    [Fact]
    public async Task EveryDocumentIsIndexedExactlyOnceAfterRabbitMqRestartsMidRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var (editor, knowledgeBaseId) = await SetUpAsync("broker");
        var documents = await UploadManyAsync(editor, knowledgeBaseId, count: 80, "broker");

        await platform.App.StopResourceAsync("messaging", ct);
        try
        {
            // Uploads go on while the broker is down: their jobs wait in Ingestion's outbox.
            documents.AddRange(await UploadManyAsync(editor, knowledgeBaseId, count: 20, "broker-down"));
        }
        finally
        {
            await platform.App.StartResourceAsync("messaging", ct);
        }

        await AssertIndexedExactlyOnceAsync(knowledgeBaseId, documents);
    }

    [Fact]
    public async Task WithGuardrailStoppedJobsWaitAndNothingIsIndexedUntilItReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        var (editor, knowledgeBaseId) = await SetUpAsync("guardrail");
        await platform.App.StopResourceAsync("guardrail", ct);
        List<(string DocumentId, string JobUrl)> documents;
        try
        {
            documents = await UploadManyAsync(editor, knowledgeBaseId, count: 3, "unscanned");
            foreach (var (_, jobUrl) in documents)
            {
                await Eventually.TrueAsync(async () => (await JobAsync(editor, jobUrl))["state"]!.GetValue<string>() == "waiting",
                    TimeSpan.FromMinutes(2), $"job {jobUrl} to wait for Guardrail");
            }

            var job = await JobAsync(editor, documents[0].JobUrl);
            Assert.Contains("guardrail", job["failureReason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(job["nextAttemptAt"]);
            Assert.Empty(await IndexedAsync(knowledgeBaseId));
        }
        finally
        {
            await platform.App.StartResourceAsync("guardrail", ct);
        }

        await AssertIndexedExactlyOnceAsync(knowledgeBaseId, documents);
    }

    /// <summary>
    /// Waits until every job has completed, then compares the two sides: each document has exactly one version in the
    /// index, with Ingestion's content hash and as many chunks as Ingestion indexed, and searchable.
    /// </summary>
    private async Task AssertIndexedExactlyOnceAsync(string knowledgeBaseId, List<(string DocumentId, string JobUrl)> documents)
    {
        try
        {
            await Eventually.TrueAsync(async () => await CompletedJobsAsync(knowledgeBaseId) == documents.Count, RecoveryTimeout,
                $"all {documents.Count} jobs to complete");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var ingestionLog = string.Join('\n', platform.App.ConsoleLogs.Tail("ingestion", 40).Select(l => l.Text));
            Assert.Fail($"{ex.Message}\nJobs: {await TextAsync("ingestion", JobStatesSql, knowledgeBaseId)}\n" +
                $"Unsent outbox rows: {await TextAsync("ingestion", "SELECT count(*)::text FROM outbox_messages WHERE sent_at IS NULL", knowledgeBaseId)}\n" +
                $"Ingestion's last output:\n{ingestionLog}");
        }

        var expected = await QueryAsync("ingestion",
            "SELECT document_id::text, content_hash, chunk_count FROM document_versions WHERE knowledge_base_id = @kb::uuid",
            knowledgeBaseId);
        var indexed = await IndexedAsync(knowledgeBaseId);

        Assert.Equal(documents.Select(d => d.DocumentId).Order(), expected.Select(r => r.DocumentId).Order());
        Assert.Equal(expected.OrderBy(r => r.DocumentId), indexed.OrderBy(r => r.DocumentId));
        Assert.All(expected, r => Assert.True(r.Chunks > 0, $"{r.DocumentId} has no chunks"));
        Assert.Equal(documents.Count, await ScalarAsync("retrieval",
            "SELECT count(*) FROM documents d JOIN knowledge_bases k USING (kb_key) WHERE k.kb_id = @kb AND d.live_version_key IS NOT NULL", knowledgeBaseId));
    }

    private const string JobStatesSql = """
        SELECT string_agg(format('%s/%s (attempts %s): %s', state, stage, attempts, n), ', ')
        FROM (SELECT state, stage, attempts, count(*) AS n FROM ingestion_jobs WHERE knowledge_base_id = @kb::uuid GROUP BY 1, 2, 3) s
        """;

    private Task<List<(string DocumentId, string Hash, long Chunks)>> IndexedAsync(string knowledgeBaseId) => QueryAsync("retrieval",
        """
        SELECT d.document_id, v.content_hash, (SELECT count(*) FROM chunks c WHERE c.version_key = v.version_key)
        FROM documents d JOIN knowledge_bases k USING (kb_key) JOIN document_versions v USING (doc_key)
        WHERE k.kb_id = @kb
        """, knowledgeBaseId);

    private Task<long> CompletedJobsAsync(string knowledgeBaseId) =>
        ScalarAsync("ingestion", "SELECT count(*) FROM ingestion_jobs WHERE knowledge_base_id = @kb::uuid AND state = 'completed'", knowledgeBaseId);

    private async Task<(string Editor, string KnowledgeBaseId)> SetUpAsync(string name)
    {
        await platform.EnsureStartedAsync();
        var tenant = await platform.Client.CreateTenantAsync($"{name}-{Guid.NewGuid():N}"[..20]);
        var (_, editor, _) = await tenant.CreateUserWithKeyAsync("editor", ["editor"], ["ingest"]);
        var knowledgeBase = await platform.Client.SendAsync(tenant.OwnerKey, HttpMethod.Post, "/v1/knowledge-bases", new
        {
            name,
            classification = "internal",
            access = new[] { "tenant:*" },
            approvalMode = "automatic",
        });
        return (editor, knowledgeBase["id"]!.GetValue<string>());
    }

    private async Task<List<(string DocumentId, string JobUrl)>> UploadManyAsync(string editor, string knowledgeBaseId, int count, string prefix)
    {
        using var gateway = platform.Client.Gateway(editor);
        using var limit = new SemaphoreSlim(8);
        var uploads = Enumerable.Range(0, count).Select(async i =>
        {
            await limit.WaitAsync();
            try
            {
                var text = string.Join("\n\n", Enumerable.Range(0, 12).Select(p =>
                    $"## Section {p}\n\n{prefix} document {i}, paragraph {p}: {string.Join(' ', Enumerable.Repeat($"fact-{i}-{p} is recorded here.", 30))}"));
                using var response = await IngestionWorkspace.UploadAsync(
                    gateway, knowledgeBaseId, IngestionWorkspace.File(System.Text.Encoding.UTF8.GetBytes(text), "text/markdown"), $"{prefix}-{i}.md");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Upload {i} answered {(int)response.StatusCode}: {body}");
                var accepted = JsonNode.Parse(body)!;
                return (accepted["documentId"]!.GetValue<string>(), accepted["jobUrl"]!.GetValue<string>());
            }
            finally
            {
                limit.Release();
            }
        });
        return [.. await Task.WhenAll(uploads)];
    }

    private async Task<JsonObject> JobAsync(string credential, string jobUrl) =>
        await platform.Client.SendAsync(credential, HttpMethod.Get, jobUrl);

    private async Task<long> ScalarAsync(string service, string sql, string knowledgeBaseId) =>
        long.Parse(await TextAsync(service, sql, knowledgeBaseId), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> TextAsync(string service, string sql, string knowledgeBaseId)
    {
        await using var connection = new NpgsqlConnection(platform.App.GetDatabaseConnectionString(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("kb", knowledgeBaseId);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    private async Task<List<(string DocumentId, string Hash, long Chunks)>> QueryAsync(string service, string sql, string knowledgeBaseId)
    {
        await using var connection = new NpgsqlConnection(platform.App.GetDatabaseConnectionString(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("kb", knowledgeBaseId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
