using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Indexing;
using SecureRag.Retrieval.Infrastructure;

namespace SecureRag.Retrieval.Tests.Properties;

/// <summary>
/// Random tenants, knowledge bases, documents, access lists, approval states and staleness, written straight into
/// the index through its writer (no gRPC, one COPY per document), and kept as a model the oracle checks against.
/// </summary>
internal sealed class RandomWorld(Random random)
{
    public static readonly string[] Vocabulary =
    [
        "wing", "flow", "pressure", "boundary", "layer", "turbine", "blade", "heat", "transfer", "shock", "wave", "nozzle",
        "supersonic", "drag", "lift", "vortex", "panel", "flutter", "buckling", "shell", "plate", "cylinder", "jet", "mach",
        "laminar", "turbulent", "skin", "friction", "cone", "body", "inlet", "engine", "cooling", "stress", "load",
    ];

    /// <summary>Appears only in versions that are never approved: a hit containing it is a leak.</summary>
    public const string PendingOnlyWord = "zanzibar";

    public static readonly string[] Tenants = ["t0", "t1", "t2"];

    public List<KbModel> KnowledgeBases { get; } = [];

    public Dictionary<string, DocModel> Documents { get; } = new(StringComparer.Ordinal);

    public async Task WriteAsync(RetrievalServer server, int documentsPerTenant, CancellationToken ct)
    {
        var kbStore = server.Get<KnowledgeBaseStore>();
        var writer = server.Get<DocumentIndexWriter>();
        foreach (var tenant in Tenants)
        {
            for (var k = 0; k < 5; k++)
            {
                var kb = new KbModel(tenant, $"{tenant}-kb{k}", (Classification)(1 + random.Next(4)),
                    random.Next(5) == 0 ? [$"group:g{random.Next(5)}"] : ["tenant:*"],
                    random.Next(3) == 0, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
                KnowledgeBases.Add(kb);
                await kbStore.PutAsync(tenant, new KnowledgeBaseSettings(kb.Id, kb.Id, (short)kb.Class, kb.Access, kb.ReviewBefore,
                    kb.ExcludeStale, server.Embedder.Embedder.EmbedderId, "hashed"), ct);
            }

            for (var d = 0; d < documentsPerTenant; d++)
            {
                var kbs = KnowledgeBases.Where(k => k.Tenant == tenant).ToList();
                var doc = new DocModel(tenant, $"{tenant}-d{d}", kbs[random.Next(kbs.Count)], Words(2),
                    new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(900)))
                {
                    Access = RandomAccess(),
                };
                Documents[doc.Id] = doc;
                var chunks = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Words(4 + random.Next(8))).ToArray();
                var approved = random.Next(4) != 0;
                await writer.IndexAsync(tenant, Input(server, doc, 1, chunks, approved), ct);
                if (approved)
                {
                    (doc.LiveVersion, doc.LiveChunks) = (1, chunks);
                    if (random.Next(3) == 0)
                    {
                        var pending = chunks.Select(c => c + " " + PendingOnlyWord).ToArray();
                        await writer.IndexAsync(tenant, Input(server, doc, 2, pending, false), ct);
                        doc.PendingChunks = pending;
                    }
                }
                else
                {
                    doc.PendingChunks = chunks;
                }
            }
        }
    }

    public static DocumentVersionInput Input(RetrievalServer server, DocModel doc, long version, string[] chunks, bool approved) => new(
        doc.Kb.Id, doc.Id, version, $"{doc.Id}-{version}-{string.Join('|', chunks).GetHashCode(StringComparison.Ordinal)}",
        new DocumentMetadataRecord(doc.Title, "test", [], "", doc.Effective), doc.Access, approved,
        server.Embedder.Embedder.EmbedderId,
        [.. chunks.Select((c, i) => new ChunkInput(i, c, [], 0, "", server.Embedder.Embedder.Embed(doc.Title + "\n" + c), 0, c.Length))]);

    public Principal RandomPrincipal(Random rng)
    {
        var tenant = Tenants[rng.Next(Tenants.Length)];
        var audience = (Audience)(1 + rng.Next(3));
        var kbs = KnowledgeBases.Where(k => k.Tenant == tenant).ToList();
        var app = new AppScope { AppId = $"app-{audience}".ToLowerInvariant(), Audience = audience, AllKnowledgeBases = rng.Next(2) == 0 };
        foreach (var kb in kbs.Where(_ => rng.Next(3) == 0))
        {
            (rng.Next(2) == 0 ? app.KnowledgeBaseIds : app.KnowledgeBaseNames).Add(kb.Id);
        }

        // Now and then a binding to another tenant's knowledge base, which must change nothing.
        if (rng.Next(5) == 0)
        {
            app.KnowledgeBaseIds.Add(KnowledgeBases[rng.Next(KnowledgeBases.Count)].Id);
        }

        return rng.Next(5) == 0
            ? new Principal(tenant, null, [], app)
            : new Principal(tenant, $"u{rng.Next(8)}", [.. Enumerable.Range(0, 5).Where(_ => rng.Next(3) == 0).Select(g => $"g{g}")], app);
    }

    public static string RandomQuery(Random rng) => rng.Next(10) == 0
        ? PendingOnlyWord + " " + Words(rng, 1)
        : Words(rng, 1 + rng.Next(3));

    public string Words(int count) => Words(random, count);

    public static string Words(Random rng, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[rng.Next(Vocabulary.Length)]));

    private string[] RandomAccess() => random.Next(6) switch
    {
        0 => ["tenant:*"],
        1 => [$"app:app-{(Audience)(1 + random.Next(3))}".ToLowerInvariant()],
        _ => [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(2) == 0 ? $"group:g{random.Next(5)}" : $"user:u{random.Next(8)}").Distinct()],
    };
}
