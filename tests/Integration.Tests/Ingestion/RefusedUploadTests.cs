using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>
/// Refused uploads answer problem details saying why and store nothing; hostile ones are refused without the Gateway
/// or Ingestion holding them in memory.
/// </summary>
public sealed class RefusedUploadTests(IngestionWorkspace workspace) : IClassFixture<IngestionWorkspace>
{
    private const double MemoryBoundMegabytes = 64;
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static TheoryData<string, string, int, string> BadFiles => new()
    {
        { "corrupt.pdf", "%PDF-1.7 this is not a PDF at all", 422, "document.corrupt" },
        { "tool.exe", "MZ\u0090\u0000 a program, not a document", 415, "document.unsupported_format" },
        { "blank.md", "\n\n   \n", 422, "document.empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task AMalformedFileGetsProblemDetailsWithItsReasonAndStoresNothing(string fileName, string content, int status, string code)
    {
        using var gateway = workspace.Client.Gateway(workspace.EditorKey);

        using var response = await IngestionWorkspace.UploadAsync(
            gateway, workspace.KnowledgeBaseId, IngestionWorkspace.File(Encoding.UTF8.GetBytes(content), "application/octet-stream"), fileName);

        var problem = await ProblemAsync(response);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.Equal(0, await workspace.CountAsync("ingestion",
            "SELECT count(*) FROM document_versions WHERE file_name = @name", ("name", fileName)));
    }

    [Fact]
    public async Task ARequestThatIsNotMultipartOrHasNoFileIsRefusedWithProblemDetails()
    {
        using var gateway = workspace.Client.Gateway(workspace.EditorKey);
        var path = $"/v1/knowledge-bases/{workspace.KnowledgeBaseId}/documents";
        var ct = TestContext.Current.CancellationToken;

        using var json = await gateway.PostAsJsonAsync(path, new { text = "a document as JSON" }, ct);
        using var fieldsOnly = await gateway.PostAsync(path, new MultipartFormDataContent { { new StringContent("A title"), "title" } }, ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(415, (await ProblemAsync(json))["status"]?.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, fieldsOnly.StatusCode);
        Assert.NotNull((await ProblemAsync(fieldsOnly))["errors"]?["file"]);
    }

    [Fact]
    public async Task OversizedAndBombUploadsAreRefusedWithoutTheGatewayOrIngestionHoldingThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var knowledgeBaseId = workspace.KnowledgeBaseId;
        var endpoint = workspace.App.GetEndpoint("gateway", replica: 0);
        var path = $"/v1/knowledge-bases/{knowledgeBaseId}/documents";
        using var gateway = workspace.Client.Gateway(workspace.EditorKey);
        var zipBomb = HostileFiles.ZipBombDocx(512L * 1024 * 1024);
        var pdfBomb = HostileFiles.CompressionBombPdf(512L * 1024 * 1024);
        // Warm both processes' code paths (parsers, gRPC streams) first, so only what the hostile files cost is measured.
        using (await IngestionWorkspace.UploadAsync(gateway, knowledgeBaseId, IngestionWorkspace.File(HostileFiles.ZipBombDocx(1024), Docx), "warm.docx"))
        using (await IngestionWorkspace.UploadAsync(gateway, knowledgeBaseId, IngestionWorkspace.File("%PDF-1.7 warm"u8.ToArray(), "application/pdf"), "warm.pdf"))
        {
        }

        var gatewayMemory = ResidentMemory.Watch(workspace.App, "gateway", replica: 0);
        var ingestionMemory = ResidentMemory.Watch(workspace.App, "ingestion");

        // 200 MB sent chunked, its size unknown up front: refused once the 50 MB limit is passed, while it streams.
        var streamed = await StreamingUpload.PostAsync(endpoint, path, workspace.EditorKey, "huge.txt", 200L * 1024 * 1024, declareLength: false, ct);
        // 200 MB declared up front: refused before the body is read.
        var declared = await StreamingUpload.PostAsync(endpoint, path, workspace.EditorKey, "huge.txt", 200L * 1024 * 1024, declareLength: true, ct);
        using var zip = await IngestionWorkspace.UploadAsync(gateway, knowledgeBaseId, IngestionWorkspace.File(zipBomb, Docx), "bomb.docx");
        using var pdf = await IngestionWorkspace.UploadAsync(gateway, knowledgeBaseId, IngestionWorkspace.File(pdfBomb, "application/pdf"), "bomb.pdf");

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "document.too_large"), (streamed.Status, streamed.Problem?["code"]?.GetValue<string>()));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "document.too_large"), (declared.Status, declared.Problem?["code"]?.GetValue<string>()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "document.expansion_limit"), (zip.StatusCode, (await ProblemAsync(zip))["code"]?.GetValue<string>()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "document.expansion_limit"), (pdf.StatusCode, (await ProblemAsync(pdf))["code"]?.GetValue<string>()));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Resident memory growth: Gateway {gatewayMemory.GrowthMegabytes:0.0} MB, Ingestion {ingestionMemory.GrowthMegabytes:0.0} MB");
        Assert.True(gatewayMemory.GrowthMegabytes < MemoryBoundMegabytes, $"The Gateway's resident memory grew by {gatewayMemory.GrowthMegabytes:0.0} MB.");
        Assert.True(ingestionMemory.GrowthMegabytes < MemoryBoundMegabytes, $"Ingestion's resident memory grew by {ingestionMemory.GrowthMegabytes:0.0} MB.");
        Assert.Equal(0, await workspace.CountAsync("ingestion",
            "SELECT count(*) FROM document_versions WHERE file_name IN ('huge.txt', 'bomb.docx', 'bomb.pdf')"));
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(PlatformClient.Json, TestContext.Current.CancellationToken))!;
    }
}
