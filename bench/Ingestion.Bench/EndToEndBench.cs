using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SecureRag.Bench;

namespace SecureRag.Ingestion.Bench;

/// <summary>
/// Uploads documents through the Gateway (multipart, as a client would) and waits until every one is indexed, reading
/// the knowledge base's document list (each version carries its job state) rather than polling every job.
/// </summary>
public sealed class EndToEndBench(GatewayClient gateway, Tenant tenant, int? ingestionPid)
{
    public async Task RunDocumentsAsync(int count, int documentBytes, int concurrency, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var documents = Enumerable.Range(0, count).Select(i => DocumentGenerator.Markdown(i, documentBytes)).ToArray();
        long bytes = documents.Sum(d => (long)d.Length);
        await using var sampler = new RssSampler(ingestionPid);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await gateway.UploadAsync(tenant.KnowledgeBaseId, tenant.EditorKey, $"bench doc-{i}.md", $"doc-{i}.md", "text/markdown", documents[i], cancellationToken);
            }
        }));
        var uploaded = clock.Elapsed;
        Console.Error.WriteLine($"uploaded {count} documents in {uploaded.TotalSeconds:F1} s; waiting for indexing");
        await WaitAsync(count, timeout, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"docs_per_s={count / seconds:F1} mb_per_s={bytes / seconds / 1e6:F2} peak_rss_mb={Format(sampler.PeakMegabytes)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"docs={count} bytes={bytes} seconds={seconds:F1} upload_seconds={uploaded.TotalSeconds:F1}"));
    }

    public async Task RunPdfAsync(int megabytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pdf = PdfGenerator.Create(megabytes * 1024L * 1024);
        await using var sampler = new RssSampler(ingestionPid);
        var clock = Stopwatch.StartNew();
        var jobId = (await gateway.UploadAsync(tenant.KnowledgeBaseId, tenant.EditorKey, "bench large.pdf", "large.pdf", "application/pdf", pdf, cancellationToken))["jobId"]!.GetValue<string>();
        var uploaded = clock.Elapsed;
        JsonNode job;
        do
        {
            await Task.Delay(500, cancellationToken);
            job = await gateway.SendAsync(HttpMethod.Get, $"/v1/ingestion-jobs/{jobId}", tenant.EditorKey, null, cancellationToken);
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The PDF's job is still {job["state"]} after {timeout}.");
            }
        }
        while (job["state"]!.GetValue<string>() is "queued" or "running" or "waiting");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pdf_mb={pdf.Length / 1e6:F1} pdf_seconds={clock.Elapsed.TotalSeconds:F1} upload_seconds={uploaded.TotalSeconds:F1} chunks={job["chunksTotal"]} state={job["state"]} peak_rss_mb={Format(sampler.PeakMegabytes)}"));
    }

    private async Task WaitAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (completed, failed) = await CountAsync(cancellationToken);
            if (completed + failed >= count)
            {
                if (failed > 0)
                {
                    Console.Error.WriteLine($"{failed} documents failed");
                }

                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{completed} of {count} documents indexed after {timeout}.");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private async Task<(int Completed, int Failed)> CountAsync(CancellationToken cancellationToken)
    {
        int completed = 0, failed = 0;
        string? token = null;
        do
        {
            var page = await gateway.SendAsync(HttpMethod.Get,
                $"/v1/knowledge-bases/{tenant.KnowledgeBaseId}/documents?pageSize=100{(token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token))}",
                tenant.EditorKey, null, cancellationToken);
            foreach (var document in page["items"]!.AsArray())
            {
                var state = document!["versions"]![0]!["jobState"]?.GetValue<string>();
                completed += state == "completed" ? 1 : 0;
                failed += state is "failed" or "cancelled" ? 1 : 0;
            }

            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (token is not null);

        return (completed, failed);
    }

    private static string Format(double? megabytes) => megabytes is { } m ? m.ToString("F0", CultureInfo.InvariantCulture) : "n/a";
}
