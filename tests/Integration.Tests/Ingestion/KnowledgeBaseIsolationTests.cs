using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>Roles scoped to one knowledge base give nothing in another, and another tenant sees none of them.</summary>
public sealed class KnowledgeBaseIsolationTests(IngestionWorkspace workspace) : IClassFixture<IngestionWorkspace>
{
    [Fact]
    public async Task AnEditorOfOneKnowledgeBaseCannotUploadToAnother()
    {
        using var otherEditor = workspace.Client.Gateway(workspace.OtherEditorKey);

        using var response = await IngestionWorkspace.UploadAsync(
            otherEditor, workspace.KnowledgeBaseId, IngestionWorkspace.File("Not yours."u8.ToArray(), "text/plain"), "intruder.txt");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await workspace.CountAsync("ingestion", "SELECT count(*) FROM documents WHERE title = 'intruder.txt'"));
    }

    [Fact]
    public async Task AnEditorOfOneKnowledgeBaseCannotReadChangeDecideOrDeleteAnothersDocuments()
    {
        var documentId = await UploadAsEditorAsync($"Owned by the first knowledge base {Guid.NewGuid()}.");
        using var otherEditor = workspace.Client.Gateway(workspace.OtherEditorKey);
        var ct = TestContext.Current.CancellationToken;

        var refusals = new[]
        {
            await otherEditor.GetAsync($"/v1/documents/{documentId}", ct),
            await otherEditor.GetAsync($"/v1/knowledge-bases/{workspace.KnowledgeBaseId}/documents", ct),
            await otherEditor.PutAsJsonAsync($"/v1/documents/{documentId}/access", new { access = new[] { "tenant:*" } }, ct),
            await otherEditor.PostAsJsonAsync($"/v1/documents/{documentId}/approve", new { }, ct),
            await otherEditor.DeleteAsync($"/v1/documents/{documentId}", ct),
        };

        Assert.All(refusals, r => Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri} answered {(int)r.StatusCode}"));
        Assert.All(refusals, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        var document = await workspace.Client.SendAsync(workspace.EditorKey, HttpMethod.Get, $"/v1/documents/{documentId}");
        Assert.Equal("pending", document["versions"]![0]!["approvalState"]!.GetValue<string>());
        Assert.Empty(document["access"]!.AsArray());
    }

    [Fact]
    public async Task AnEditorMayNotApproveItsOwnUpload()
    {
        var documentId = await UploadAsEditorAsync($"Needs a second pair of eyes {Guid.NewGuid()}.");
        using var editor = workspace.Client.Gateway(workspace.EditorKey);

        using var response = await editor.PostAsJsonAsync($"/v1/documents/{documentId}/approve", new { }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsOwnerFindsNoneOfTheKnowledgeBasesOrDocuments()
    {
        var documentId = await UploadAsEditorAsync($"Tenant-private text {Guid.NewGuid()}.");
        var stranger = (await workspace.Client.CreateTenantAsync($"stranger-{Guid.NewGuid():N}"[..20])).OwnerKey;
        using var gateway = workspace.Client.Gateway(stranger);
        var ct = TestContext.Current.CancellationToken;

        using var knowledgeBase = await gateway.GetAsync($"/v1/knowledge-bases/{workspace.KnowledgeBaseId}", ct);
        using var document = await gateway.GetAsync($"/v1/documents/{documentId}", ct);
        var list = await workspace.Client.SendAsync(stranger, HttpMethod.Get, "/v1/knowledge-bases");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (knowledgeBase.StatusCode, document.StatusCode));
        Assert.Empty(list["items"]!.AsArray());
    }

    private async Task<string> UploadAsEditorAsync(string text)
    {
        using var editor = workspace.Client.Gateway(workspace.EditorKey);
        using var response = await IngestionWorkspace.UploadAsync(editor, workspace.KnowledgeBaseId, IngestionWorkspace.File(Encoding.UTF8.GetBytes(text), "text/plain"), "note.txt");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(PlatformClient.Json, TestContext.Current.CancellationToken))!["documentId"]!.GetValue<string>();
    }
}
