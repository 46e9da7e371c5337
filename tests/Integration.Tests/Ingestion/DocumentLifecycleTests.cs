using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>From upload to an approved, indexed document, through the real Gateway, Ingestion, Guardrail, Inference and Retrieval.</summary>
public sealed class DocumentLifecycleTests(IngestionWorkspace workspace) : IClassFixture<IngestionWorkspace>
{
    private const string Handbook = """
        # Travel policy

        Employees book trains for journeys under four hours. Flights need a manager's approval in advance.

        ## Expenses

        Receipts are submitted within thirty days; meals are reimbursed up to the daily allowance.
        """;

    [Fact]
    public async Task AnUploadedDocumentIsIndexedAndBecomesSearchableOnlyWhenAnApproverApprovesIt()
    {
        using var editor = workspace.Client.Gateway(workspace.EditorKey);
        using var upload = await IngestionWorkspace.UploadAsync(
            editor, workspace.KnowledgeBaseId, IngestionWorkspace.File(Encoding.UTF8.GetBytes(Handbook), "text/markdown"), "travel.md", title: "Travel policy");

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var accepted = (await upload.Content.ReadFromJsonAsync<JsonObject>(PlatformClient.Json, TestContext.Current.CancellationToken))!;
        var documentId = accepted["documentId"]!.GetValue<string>();
        var jobUrl = accepted["jobUrl"]!.GetValue<string>();
        Assert.Equal(jobUrl, upload.Headers.Location?.OriginalString);
        Assert.False(accepted["duplicate"]!.GetValue<bool>());

        var job = await workspace.WaitUntilIndexedAsync(workspace.EditorKey, jobUrl);
        Assert.Equal("done", job["stage"]!.GetValue<string>());
        Assert.True(job["chunksTotal"]!.GetValue<int>() > 0);
        Assert.Equal(job["chunksTotal"]!.GetValue<int>(), job["chunksDone"]!.GetValue<int>());

        // Indexed, but pending: Retrieval holds its chunks, and no version of it is searchable.
        var pending = await workspace.Client.SendAsync(workspace.EditorKey, HttpMethod.Get, $"/v1/documents/{documentId}");
        Assert.Equal(0, pending["searchableVersion"]!.GetValue<long>());
        Assert.Equal("pending", pending["versions"]![0]!["approvalState"]!.GetValue<string>());
        Assert.True(await IndexedChunksAsync(documentId) > 0);
        Assert.Equal(0, await SearchableVersionsAsync(documentId));

        var approved = await workspace.Client.SendAsync(workspace.ApproverKey, HttpMethod.Post, $"/v1/documents/{documentId}/approve", new { reason = "reviewed" });

        // The call answers after Retrieval committed: the very next read of the index sees the document searchable.
        Assert.Equal(1, approved["searchableVersion"]!.GetValue<long>());
        Assert.Equal("approved", approved["versions"]![0]!["approvalState"]!.GetValue<string>());
        Assert.Equal(1, await SearchableVersionsAsync(documentId));
    }

    [Fact]
    public async Task RejectingANewVersionKeepsTheApprovedOneSearchable()
    {
        var first = await workspace.UploadTextAsync(workspace.EditorKey, workspace.KnowledgeBaseId, $"Version one of the policy {Guid.NewGuid()}.", "policy.txt");
        var documentId = first["documentId"]!.GetValue<string>();
        await workspace.WaitUntilIndexedAsync(workspace.EditorKey, first["jobUrl"]!.GetValue<string>());
        await workspace.Client.SendAsync(workspace.ApproverKey, HttpMethod.Post, $"/v1/documents/{documentId}/approve", new { });
        var second = await workspace.UploadTextAsync(workspace.EditorKey, workspace.KnowledgeBaseId, $"Version two of the policy {Guid.NewGuid()}.", "policy.txt", documentId);
        Assert.Equal((documentId, 2L), (second["documentId"]!.GetValue<string>(), second["version"]!.GetValue<long>()));
        await workspace.WaitUntilIndexedAsync(workspace.EditorKey, second["jobUrl"]!.GetValue<string>());

        var rejected = await workspace.Client.SendAsync(workspace.ApproverKey, HttpMethod.Post, $"/v1/documents/{documentId}/reject", new { version = 2, reason = "not reviewed" });

        Assert.Equal(1, rejected["searchableVersion"]!.GetValue<long>());
        Assert.Equal(["rejected", "approved"], rejected["versions"]!.AsArray().Select(v => v!["approvalState"]!.GetValue<string>()));
        Assert.Equal(1, await workspace.CountAsync("retrieval",
            "SELECT v.version FROM documents d JOIN document_versions v ON v.version_key = d.live_version_key WHERE d.document_id = @id", ("id", documentId)));
    }

    [Fact]
    public async Task TheSameContentUploadedTwiceIsIndexedOnce()
    {
        using var editor = workspace.Client.Gateway(workspace.EditorKey);
        var content = Encoding.UTF8.GetBytes($"Duplicate check {Guid.NewGuid()}: the same bytes twice make one document.");

        using var first = await IngestionWorkspace.UploadAsync(editor, workspace.KnowledgeBaseId, IngestionWorkspace.File(content, "text/plain"), "one.txt");
        using var second = await IngestionWorkspace.UploadAsync(editor, workspace.KnowledgeBaseId, IngestionWorkspace.File(content, "text/plain"), "two.txt");

        var a = (await first.Content.ReadFromJsonAsync<JsonObject>(PlatformClient.Json, TestContext.Current.CancellationToken))!;
        var b = (await second.Content.ReadFromJsonAsync<JsonObject>(PlatformClient.Json, TestContext.Current.CancellationToken))!;
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.True(b["duplicate"]!.GetValue<bool>());
        Assert.Equal(a["documentId"]!.GetValue<string>(), b["documentId"]!.GetValue<string>());
        await workspace.WaitUntilIndexedAsync(workspace.EditorKey, a["jobUrl"]!.GetValue<string>());
        Assert.Equal(1, await workspace.CountAsync("retrieval",
            "SELECT count(*) FROM document_versions v JOIN documents d USING (doc_key) WHERE d.document_id = @id", ("id", a["documentId"]!.GetValue<string>())));
    }

    private Task<long> IndexedChunksAsync(string documentId) => workspace.CountAsync("retrieval",
        "SELECT count(*) FROM chunks c JOIN document_versions v USING (version_key) JOIN documents d USING (doc_key) WHERE d.document_id = @id",
        ("id", documentId));

    private Task<long> SearchableVersionsAsync(string documentId) => workspace.CountAsync("retrieval",
        "SELECT count(*) FROM documents WHERE document_id = @id AND live_version_key IS NOT NULL", ("id", documentId));
}
