using Grpc.Core;
using SecureRag.Contracts.Retrieval;

namespace SecureRag.Retrieval.Tests.Search;

public sealed class SearchBehaviourTests(RetrievalFixture server) : IClassFixture<RetrievalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJapaneseDocumentIsFoundByAJapaneseQuestion()
    {
        var indexer = server.Indexer("t-ja");
        await indexer.PutKnowledgeBaseAsync("kb", Classification.Internal, ["tenant:*"], Token);
        await indexer.IndexAsync("kb", "tokyo", "東京", ["東京は日本の首都です。人口は約千四百万人で、多くの企業の本社があります。"], ["tenant:*"], ct: Token);
        await indexer.IndexAsync("kb", "paris", "Paris", ["Paris is the capital of France and its largest city."], ["tenant:*"], ct: Token);
        await indexer.IndexAsync("kb", "kyoto", "京都", ["京都には多くの寺があります。"], ["tenant:*"], ct: Token);

        foreach (var mode in new[] { SearchMode.Lexical, SearchMode.Hybrid })
        {
            var response = await SearchAsync("t-ja", "日本の首都はどこですか", mode);
            Assert.Equal("tokyo", response.Hits[0].DocumentId);
        }
    }

    [Fact]
    public async Task ADeletedDocumentIsGoneFromTheNextSearch()
    {
        var indexer = server.Indexer("t-del");
        await indexer.PutKnowledgeBaseAsync("kb", Classification.Internal, ["tenant:*"], Token);
        await indexer.IndexAsync("kb", "d1", "Turbine blades", ["Cooling of turbine blades at high temperature."], ["tenant:*"], ct: Token);
        Assert.Single((await SearchAsync("t-del", "turbine cooling")).Hits);

        var deleted = await server.Index.DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = "d1" }, server.Ingestion("t-del"), cancellationToken: Token);

        Assert.True(deleted.Deleted);
        Assert.Equal(1, deleted.ChunksRemoved);
        Assert.Empty((await SearchAsync("t-del", "turbine cooling")).Hits);
    }

    [Fact]
    public async Task ANarrowedDocumentIsGoneForThoseWhoLostAccess()
    {
        var indexer = server.Indexer("t-narrow");
        await indexer.PutKnowledgeBaseAsync("kb", Classification.Internal, ["tenant:*"], Token);
        await indexer.IndexAsync("kb", "d1", "Budget", ["The budget for the wind tunnel programme."], ["group:staff"], ct: Token);
        Assert.Single((await SearchAsync("t-narrow", "wind tunnel budget", groups: ["staff"])).Hits);

        await server.Index.SetDocumentAccessAsync(new SetDocumentAccessRequest { DocumentId = "d1", Access = { "user:cfo" } },
            server.Ingestion("t-narrow"), cancellationToken: Token);

        Assert.Empty((await SearchAsync("t-narrow", "wind tunnel budget", groups: ["staff"])).Hits);
        Assert.Single((await SearchAsync("t-narrow", "wind tunnel budget", user: "cfo")).Hits);
    }

    [Fact]
    public async Task APendingVersionIsSearchableOnlyOnceApprovedAndARejectedOneKeepsTheOld()
    {
        var indexer = server.Indexer("t-approve");
        await indexer.PutKnowledgeBaseAsync("kb", Classification.Internal, ["tenant:*"], Token);
        await indexer.IndexAsync("kb", "d1", "Policy", ["Travel policy: economy class."], ["tenant:*"], approved: false, ct: Token);
        Assert.Empty((await SearchAsync("t-approve", "travel policy")).Hits);

        await server.Index.SetApprovalAsync(new SetApprovalRequest { DocumentId = "d1", Version = 1, Decision = ApprovalState.Approved },
            server.Ingestion("t-approve"), cancellationToken: Token);
        Assert.Equal(1, (await SearchAsync("t-approve", "travel policy")).Hits.Single().Version);

        await indexer.IndexAsync("kb", "d1", "Policy", ["Travel policy: first class for everyone."], ["tenant:*"], approved: false, version: 2, ct: Token);
        Assert.Equal(1, (await SearchAsync("t-approve", "travel policy")).Hits.Single().Version);
        var rejected = await server.Index.SetApprovalAsync(new SetApprovalRequest { DocumentId = "d1", Version = 2, Decision = ApprovalState.Rejected },
            server.Ingestion("t-approve"), cancellationToken: Token);

        Assert.Equal(1, rejected.SearchableVersion);
        var hit = (await SearchAsync("t-approve", "travel policy")).Hits.Single();
        Assert.Equal(1, hit.Version);
        Assert.Contains("economy", hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexingTheSameVersionTwiceIsANoOpAndOtherContentIsRefused()
    {
        var indexer = server.Indexer("t-idem");
        await indexer.PutKnowledgeBaseAsync("kb", Classification.Internal, ["tenant:*"], Token);
        var first = await indexer.IndexAsync("kb", "d1", "Nozzle", ["Supersonic nozzle flow."], ["tenant:*"], ct: Token);
        var again = await indexer.IndexAsync("kb", "d1", "Nozzle", ["Supersonic nozzle flow."], ["tenant:*"], ct: Token);
        var error = await Assert.ThrowsAsync<RpcException>(() => indexer.IndexAsync("kb", "d1", "Nozzle", ["Other text."], ["tenant:*"], ct: Token));

        Assert.False(first.AlreadyIndexed);
        Assert.True(again.AlreadyIndexed);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var status = await server.Index.GetDocumentStatusAsync(new GetDocumentStatusRequest { DocumentId = "d1" }, server.Ingestion("t-idem"), cancellationToken: Token);
        Assert.Equal(1, status.Versions.Single().ChunkCount);
        Assert.Single((await SearchAsync("t-idem", "supersonic nozzle")).Hits);
    }

    [Fact]
    public async Task OnlyTheIngestionServiceMayWriteTheIndex()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Index.DeleteDocumentAsync(
            new DeleteDocumentRequest { DocumentId = "d1" }, server.User("t-auth", "mallory", []), cancellationToken: Token));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task ACallWithoutAValidAssertionIsRefused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Search.SearchAsync(
            new SearchRequest { Query = "x", App = Scopes.Internal() },
            new Metadata { { "authorization", "Bearer forged" } }, cancellationToken: Token));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task AnAppScopeThatIsNotTheAssertionsAppIsRefused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Search.SearchAsync(
            new SearchRequest { Query = "turbine", App = Scopes.Internal("other-app") },
            server.User("t-auth", "u", []), cancellationToken: Token));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("LONG")]
    public async Task AnEmptyOrTooLongQueryIsAnInvalidArgument(string query)
    {
        var text = query == "LONG" ? string.Concat(Enumerable.Repeat("turbine ", 200)) : query;

        var error = await Assert.ThrowsAsync<RpcException>(() => SearchAsync("t-bad", text));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Theory]
    [InlineData("the of and to")]
    [InlineData("?!,.")]
    [InlineData("\u0001\u0002 \uFFFF")]
    public async Task AQueryOfStopWordsOnlyGetsAnEmptyResult(string query)
    {
        var indexer = server.Indexer("t-stop");
        await indexer.PutKnowledgeBaseAsync("kb", Classification.Internal, ["tenant:*"], Token);
        await indexer.IndexAsync("kb", "d1", "The", ["The of and to."], ["tenant:*"], ct: Token);

        var response = await SearchAsync("t-stop", query);

        Assert.Empty(response.Hits);
        Assert.Empty(response.AnalyzedTerms);
    }

    private async Task<SearchResponse> SearchAsync(
        string tenant, string query, SearchMode mode = SearchMode.Hybrid, string user = "u", string[]? groups = null) =>
        await server.Search.SearchAsync(new SearchRequest { Query = query, TopK = 10, Mode = mode, App = Scopes.Internal() },
            server.User(tenant, user, groups ?? []), cancellationToken: Token);
}
