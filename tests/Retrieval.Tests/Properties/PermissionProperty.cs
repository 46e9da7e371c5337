using Grpc.Core;
using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Analysis;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Retrieval.Tests.Properties;

/// <summary>
/// Random searches (gRPC, real assertions) against a random world, each checked against the oracle: nothing
/// unreadable, unapproved, pending, of another tenant or outside the app's scope; top-k full when enough readable
/// chunks match. Then deletions, narrowings, approvals and rejections through the API, each followed at once by a
/// search that would have found the document.
/// </summary>
internal sealed class PermissionProperty(RetrievalServer server, int seed)
{
    private readonly Random _random = new(seed);
    private readonly RandomWorld _world = new(new Random(seed));

    private int _cases;
    private int _fullResults;

    public int Cases => _cases;

    public int FullResults => _fullResults;

    public Task WriteWorldAsync(int documentsPerTenant, CancellationToken ct) => _world.WriteAsync(server, documentsPerTenant, ct);

    /// <summary>Read-only cases, four callers at a time (each with its own generator, so a seed replays).</summary>
    public Task RunQueriesAsync(int count, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            var random = new Random(seed + worker + 1);
            for (var i = worker; i < count; i += 4)
            {
                await CheckAsync(_world.RandomPrincipal(random), RandomWorld.RandomQuery(random), random, ct);
            }
        }));

    public async Task RunMutationsAsync(int count, CancellationToken ct)
    {
        var ingestion = new Dictionary<string, Metadata>();
        for (var i = 0; i < count; i++)
        {
            var candidates = _world.Documents.Values.Where(d => !d.Deleted && (d.LiveVersion > 0 || d.PendingChunks is not null)).ToList();
            var doc = candidates[_random.Next(candidates.Count)];
            var headers = ingestion.TryGetValue(doc.Tenant, out var h) ? h : ingestion[doc.Tenant] = server.Ingestion(doc.Tenant);
            var reader = ReaderOf(doc);
            var query = string.Join(' ', (doc.PendingChunks ?? doc.LiveChunks)[0].Split(' ').Take(2));
            switch (_random.Next(4))
            {
                case 0:
                    await server.Index.DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = doc.Id }, headers, cancellationToken: ct);
                    doc.Deleted = true;
                    break;
                case 1:
                    string[] narrowed = ["user:nobody"];
                    await server.Index.SetDocumentAccessAsync(new SetDocumentAccessRequest { DocumentId = doc.Id, Access = { narrowed } }, headers, cancellationToken: ct);
                    doc.Access = narrowed;
                    break;
                case 2 when doc.PendingChunks is not null:
                    var version = doc.LiveVersion + 1;
                    await server.Index.SetApprovalAsync(new SetApprovalRequest { DocumentId = doc.Id, Version = version, Decision = ApprovalState.Approved }, headers, cancellationToken: ct);
                    (doc.LiveVersion, doc.LiveChunks, doc.PendingChunks) = (version, doc.PendingChunks, null);
                    break;
                case 3 when doc.PendingChunks is not null:
                    await server.Index.SetApprovalAsync(new SetApprovalRequest { DocumentId = doc.Id, Version = doc.LiveVersion + 1, Decision = ApprovalState.Rejected }, headers, cancellationToken: ct);
                    doc.PendingChunks = null;
                    break;
                default:
                    continue;
            }

            await CheckAsync(reader, query, _random, ct);
        }
    }

    private async Task CheckAsync(Principal who, string query, Random random, CancellationToken ct)
    {
        var topK = 1 + random.Next(15);
        var mode = (SearchMode)(1 + random.Next(3));
        var assertion = who.User is null
            ? server.Keys.ApiKey(who.Tenant, "key-1", who.App.AppId)
            : server.Keys.User(who.Tenant, who.User, who.Groups, who.App.AppId);
        var response = await server.Search.SearchAsync(
            new SearchRequest { Query = query, TopK = topK, Mode = mode, App = who.App },
            AssertionMetadata.For(assertion), cancellationToken: ct);
        var number = Interlocked.Increment(ref _cases);

        var context = $"seed {seed}, case {number}: {who} searched '{query}' ({mode}, top {topK})";
        Assert.Equal(response.Hits.Count, response.Hits.Select(h => h.ChunkId).Distinct().Count());
        foreach (var hit in response.Hits)
        {
            Assert.True(_world.Documents.TryGetValue(hit.DocumentId, out var doc), $"{context}: unknown document {hit.DocumentId}");
            Assert.True(Oracle.MayRead(who, doc), $"{context}: returned {hit.DocumentId}, which the caller may not read");
            Assert.Equal(doc.LiveVersion, hit.Version);
            Assert.Contains(hit.Text, doc.LiveChunks);
        }

        var terms = TextAnalyzer.Analyze(query).TermFrequencies.Keys.ToHashSet(StringComparer.Ordinal);
        var readable = _world.Documents.Values.Where(d => Oracle.MayRead(who, d)).ToList();
        var available = mode == SearchMode.Lexical
            ? readable.Sum(d => d.LiveChunks.Count(c => Oracle.Matches(d, c, terms)))
            : readable.Sum(d => d.LiveChunks.Length);
        Assert.True(Math.Min(topK, available) == response.Hits.Count,
            $"{context}: {response.Hits.Count} hits where {Math.Min(topK, available)} were expected");
        if (available >= topK && topK > 1)
        {
            Interlocked.Increment(ref _fullResults);
        }
    }

    /// <summary>Someone who can read the document now (its tenant, an internal app bound to its knowledge base).</summary>
    private Principal ReaderOf(DocModel doc)
    {
        string[] groups = [.. doc.Access.Concat(doc.Kb.Access).Where(a => a.StartsWith("group:", StringComparison.Ordinal)).Select(a => a[6..])];
        var user = doc.Access.FirstOrDefault(a => a.StartsWith("user:", StringComparison.Ordinal))?[5..] ?? "u0";
        var app = new AppScope { AppId = "app-internal", Audience = Audience.Internal, KnowledgeBaseIds = { doc.Kb.Id } };
        return new Principal(doc.Tenant, user, groups, app);
    }
}
