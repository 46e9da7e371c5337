using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Npgsql;
using SecureRag.Hosting;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Ingestion;

/// <summary>
/// A tenant of the shared platform with two knowledge bases (approval required), an editor and an approver of the
/// first, and an editor of the second only: the people of the ingestion tests, with shortcuts to upload and wait.
/// </summary>
public sealed class IngestionWorkspace(PlatformFixture platform) : IAsyncLifetime
{
    public static readonly TimeSpan IndexingTimeout = TimeSpan.FromMinutes(2);

    public PlatformClient Client => platform.Client;

    public DistributedApplication App => platform.App;

    public TenantContext Tenant { get; private set; } = null!;

    public string KnowledgeBaseId { get; private set; } = "";

    public string OtherKnowledgeBaseId { get; private set; } = "";

    public string EditorKey { get; private set; } = "";

    public string ApproverKey { get; private set; } = "";

    public string OtherEditorKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Tenant = await Client.CreateTenantAsync($"ingestion-{Guid.NewGuid():N}"[..20]);
        KnowledgeBaseId = await CreateKnowledgeBaseAsync("handbook");
        OtherKnowledgeBaseId = await CreateKnowledgeBaseAsync("partner-faq");
        EditorKey = await UserWithKeyAsync("editor", ("editor", KnowledgeBaseId));
        ApproverKey = await UserWithKeyAsync("approver", ("approver", KnowledgeBaseId));
        OtherEditorKey = await UserWithKeyAsync("other editor", ("editor", OtherKnowledgeBaseId));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<string> CreateKnowledgeBaseAsync(string name, string approvalMode = "required") =>
        (await Client.SendAsync(Tenant.OwnerKey, HttpMethod.Post, "/v1/knowledge-bases", new
        {
            name = $"{name}-{Guid.NewGuid():N}"[..24],
            classification = "internal",
            access = new[] { "tenant:*" },
            approvalMode,
            findingsPolicy = "redact",
        }))["id"]!.GetValue<string>();

    /// <summary>Posts one file as multipart/form-data, the fields first, as a client application would.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient gateway, string knowledgeBaseId, HttpContent file, string fileName, string? title = null, string? documentId = null)
    {
        using var form = new MultipartFormDataContent();
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        if (documentId is not null)
        {
            form.Add(new StringContent(documentId), "documentId");
        }

        form.Add(file, "file", fileName);
        return await gateway.PostAsync($"/v1/knowledge-bases/{knowledgeBaseId}/documents", form, TestContext.Current.CancellationToken);
    }

    public static HttpContent File(byte[] content, string mediaType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return file;
    }

    /// <summary>Uploads as <paramref name="credential"/> and answers the 202's body (documentId, version, jobUrl, duplicate).</summary>
    public async Task<JsonObject> UploadTextAsync(string credential, string knowledgeBaseId, string text, string fileName, string? documentId = null)
    {
        using var gateway = Client.Gateway(credential);
        using var response = await UploadAsync(gateway, knowledgeBaseId, File(System.Text.Encoding.UTF8.GetBytes(text), "text/plain"), fileName, documentId: documentId);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"The upload answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Polls the job's URL until it has completed (failing at once if it failed or was cancelled).</summary>
    public async Task<JsonObject> WaitUntilIndexedAsync(string credential, string jobUrl)
    {
        JsonObject job = [];
        await Eventually.TrueAsync(async () =>
        {
            job = await Client.SendAsync(credential, HttpMethod.Get, jobUrl);
            var state = job["state"]!.GetValue<string>();
            Assert.True(state is not ("failed" or "cancelled"), $"The job ended {state}: {job["failureCode"]} {job["failureReason"]}");
            return state == "completed";
        }, IndexingTimeout, $"job {jobUrl} to complete");
        return job;
    }

    /// <summary>A scalar read straight from a service's own schema, with that service's role.</summary>
    public async Task<long> CountAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(App.GetDatabaseConnectionString(service));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> UserWithKeyAsync(string name, (string Role, string Scope) role)
    {
        var user = await Client.SendAsync(Tenant.OwnerKey, HttpMethod.Post, "/v1/users", new { displayName = name });
        var userId = user["id"]!.GetValue<string>();
        await Client.SendAsync(Tenant.OwnerKey, HttpMethod.Put, $"/v1/users/{userId}/roles", new { roles = new[] { new { role = role.Role, scope = role.Scope } } });
        return (await Tenant.CreateKeyAsync(new { name = $"{name} key", userId, scopes = new[] { "ingest" } })).Secret;
    }
}
