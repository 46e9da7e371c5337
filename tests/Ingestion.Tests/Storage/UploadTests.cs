using System.Text;
using Grpc.Core;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Grpc;
using SecureRag.Ingestion.Tests.Fixtures;
using SecureRag.TestSupport;

namespace SecureRag.Ingestion.Tests.Storage;

public sealed class UploadTests(IngestionPostgresServer server)
{
    private static readonly string[] Tables = ["documents", "document_versions", "document_originals", "ingestion_jobs", "document_chunks"];

    [Fact]
    public async Task UploadStoresOriginalVersionJobAndItsEventTogether()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var content = Encoding.UTF8.GetBytes("# Title\n\nSome text to ingest.");

        var response = await host.UploadAsync(kb.Id, content, "notes.md");

        Assert.False(response.Duplicate);
        Assert.Equal(1, response.Version);
        Assert.Equal(JobState.Queued, response.Job.State);
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM documents"));
        Assert.Equal(content.Length, await host.CountAsync("SELECT length(content) FROM document_originals"));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM ingestion_jobs WHERE state = 'queued'"));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DocumentUploaded'"));
        Assert.Single(host.Index.KnowledgeBases);
    }

    [Fact]
    public async Task TheSameContentTwiceIsStoredOnce()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var content = Encoding.UTF8.GetBytes("Identical content.");

        var first = await host.UploadAsync(kb.Id, content, "a.txt");
        var again = await host.UploadAsync(kb.Id, content, "b.txt");
        var asVersion = await host.UploadAsync(kb.Id, content, "a.txt", first.DocumentId);

        Assert.True(again.Duplicate);
        Assert.True(asVersion.Duplicate);
        Assert.Equal((first.DocumentId, first.JobId), (again.DocumentId, again.JobId));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM document_versions"));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DocumentUploaded'"));
    }

    [Fact]
    public async Task ANewVersionOfADocumentGetsTheNextNumber()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var first = await host.UploadAsync(kb.Id, "one"u8.ToArray(), "a.txt");

        var second = await host.UploadAsync(kb.Id, "two"u8.ToArray(), "a.txt", first.DocumentId);

        Assert.Equal((first.DocumentId, 2L), (second.DocumentId, second.Version));
        Assert.NotEqual(first.JobId, second.JobId);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "corrupt.pdf", "%PDF-1.7 garbage", "document.corrupt" },
        { "tool.exe", "MZ binary", "document.unsupported_format" },
        { "latin1.txt", "caf\u00e9", "document.encoding" },
        { "empty.md", "\n\n", "document.empty" },
        { "deep.json", new string('[', 200) + new string(']', 200), "document.expansion_limit" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task ABadFileIsRefusedWithItsReasonAndLeavesNoRows(string fileName, string content, string code)
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var bytes = fileName == "latin1.txt" ? Encoding.Latin1.GetBytes(content) : Encoding.UTF8.GetBytes(content);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => host.UploadAsync(kb.Id, bytes, fileName));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(code, refusal.Trailers.GetValue(IngestionErrors.ProblemCodeTrailer));
        await AssertNoRowsAsync(host);
    }

    [Fact]
    public async Task EncryptedAndBombFilesAreRefusedAndLeaveNoRows()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();

        var encrypted = await Assert.ThrowsAsync<RpcException>(() => host.UploadAsync(kb.Id, PdfFixtures.PasswordProtected(), "secret.pdf"));
        var bomb = await Assert.ThrowsAsync<RpcException>(() => host.UploadAsync(kb.Id, DocxFixtures.ZipBomb(300L * 1024 * 1024), "bomb.docx"));

        Assert.Equal("document.encrypted", encrypted.Trailers.GetValue(IngestionErrors.ProblemCodeTrailer));
        Assert.Equal("document.expansion_limit", bomb.Trailers.GetValue(IngestionErrors.ProblemCodeTrailer));
        await AssertNoRowsAsync(host);
    }

    [Fact]
    public async Task AnOversizedUploadIsRefusedWhileItArrives()
    {
        await using var host = await IngestionTestHost.StartAsync(server, new() { ["Ingestion:Limits:MaxDocumentBytes"] = "65536" });
        var kb = await host.CreateKnowledgeBaseAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => host.UploadAsync(kb.Id, new byte[200_000], "big.txt"));

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Equal("document.too_large", refusal.Trailers.GetValue(IngestionErrors.ProblemCodeTrailer));
        await AssertNoRowsAsync(host);
    }

    [Fact]
    public async Task AnEditorOfAnotherKnowledgeBaseMayNotUpload()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var other = await host.CreateKnowledgeBaseAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => host.Api.UploadDocument(
            new UploadStream(new UploadMetadata { KnowledgeBaseId = kb.Id, FileName = "a.txt" }, "text"u8.ToArray()), host.Editor(other.Id)));

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        await AssertNoRowsAsync(host);
    }

    [Fact]
    public async Task AnotherTenantsKnowledgeBaseIsNotFound()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => host.Api.UploadDocument(
            new UploadStream(new UploadMetadata { KnowledgeBaseId = kb.Id, FileName = "a.txt" }, "text"u8.ToArray()),
            TestCallContext.ForUser("tenant-b", "editor-b", "editor")));

        Assert.Equal(StatusCode.NotFound, refusal.StatusCode);
    }

    [Fact]
    public async Task ADocumentAccessListWiderThanItsKnowledgeBaseIsRefused()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => host.Api.UploadDocument(
            new UploadStream(new UploadMetadata { KnowledgeBaseId = kb.Id, FileName = "a.txt", Access = { "group:everyone-else" } }, "text"u8.ToArray()),
            host.Editor(kb.Id)));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.StartsWith("access:", refusal.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task AssertNoRowsAsync(IngestionTestHost host)
    {
        foreach (var table in Tables)
        {
            Assert.Equal(0, await host.CountAsync($"SELECT count(*) FROM {table}"));
        }

        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type NOT LIKE '%AuditEventRaised'"));
    }
}
