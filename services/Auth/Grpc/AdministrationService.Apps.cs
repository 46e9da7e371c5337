using Grpc.Core;
using SecureRag.Auth.Domain;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

public sealed partial class AdministrationService
{
    private const int MaxSystemPromptLength = 32 * 1024;
    private static readonly string[] Audiences = ["internal", "partner", "customer"];
    private static readonly string[] AuditTextModes = ["off", "hashed", "full"];

    public override async Task<App> CreateApp(AppSpec request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageApps);
        var app = ToRecord(Guid.CreateVersion7(), TenantOf(caller), request);
        await database.InTransactionAsync(async (session, ct) =>
        {
            await apps.InsertAsync(session, app, ct);
            await RecordAsync(session, context, caller, "app.created", app.Id.ToString(), principalsChanged: false, PromptDetails(app));
        }, context.CancellationToken);
        return app.ToProto([]);
    }

    public override async Task<AppList> ListApps(ListRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context.Require(Permission.ReadApps));
        var page = await apps.ListAsync(tenantId, PageSize(request), PageAfter(request), context.CancellationToken);
        var list = new AppList { NextPageToken = page.Count == PageSize(request) ? page[^1].Id.ToString() : "" };
        foreach (var app in page)
        {
            list.Apps.Add(app.ToProto(await apps.GetGrantsAsync(app.Id, context.CancellationToken)));
        }

        return list;
    }

    public override async Task<App> GetApp(IdRequest request, ServerCallContext context)
    {
        // The Gateway reads an app's settings for the query path under its service assertion: the caller querying the
        // app (an app's key, an end user) holds no role that may read apps, and must not learn the system prompt.
        var caller = context.GetCaller();
        var tenantId = TenantOf(caller is { Kind: PrincipalKind.Service, PrincipalId: "gateway" } ? caller : context.Require(Permission.ReadApps));
        var app = await apps.GetAsync(tenantId, ParseId(request.Id, "id"), context.CancellationToken) ?? throw NotFound("App");
        return app.ToProto(await apps.GetGrantsAsync(app.Id, context.CancellationToken));
    }

    public override async Task<App> UpdateApp(UpdateAppRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageApps);
        var tenantId = TenantOf(caller);
        var changed = ToRecord(ParseId(request.Id, "id"), tenantId, request.Spec ?? throw Invalid("spec", "is required"));
        var updated = await database.InTransactionAsync(async (session, ct) =>
        {
            var app = await apps.UpdateAsync(session, changed, request.ExpectedVersion, ct);
            if (app is null)
            {
                throw await apps.GetAsync(tenantId, changed.Id, ct) is null
                    ? NotFound("App")
                    : new RpcException(new Status(StatusCode.FailedPrecondition, "expected_version: the app has changed since; read it again"));
            }

            await RecordAsync(session, context, caller, "app.updated", app.Id.ToString(), principalsChanged: false, PromptDetails(app));
            return app;
        }, context.CancellationToken);
        return updated.ToProto(await apps.GetGrantsAsync(updated.Id, context.CancellationToken));
    }

    public override async Task<App> SetAppGrants(SetAppGrantsRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.GrantApps);
        var tenantId = TenantOf(caller);
        var grants = request.Grants.Select(g => g.Kind is "group" or "user"
            ? new AppGrantRecord(g.Kind, ParseId(g.Id, "grants"))
            : throw Invalid("grants", "kind must be group or user")).ToList();
        var app = await apps.GetAsync(tenantId, ParseId(request.AppId, "app_id"), context.CancellationToken) ?? throw NotFound("App");
        await database.InTransactionAsync(async (session, ct) =>
        {
            await apps.SetGrantsAsync(session, app.Id, grants, ct);
            await RecordAsync(session, context, caller, "app.grants.changed", app.Id.ToString(), principalsChanged: true,
                new Dictionary<string, string> { ["grants"] = string.Join(' ', grants.Select(g => $"{g.Kind}:{g.GranteeId}")) });
        }, context.CancellationToken);
        return app.ToProto(grants);
    }

    public override async Task<Empty> DeleteApp(IdRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageApps);
        var appId = ParseId(request.Id, "id");
        await database.InTransactionAsync(async (session, ct) =>
        {
            if (!await apps.DeleteAsync(session, TenantOf(caller), appId, ct))
            {
                throw NotFound("App");
            }

            await RecordAsync(session, context, caller, "app.deleted", appId.ToString(), principalsChanged: true);
        }, context.CancellationToken);
        return new Empty();
    }

    private AppRecord ToRecord(Guid id, Guid tenantId, AppSpec spec)
    {
        var audience = Audiences.Contains(spec.Audience) ? spec.Audience : throw Invalid("audience", "must be internal, partner or customer");
        var auditText = spec.AuditText.Length == 0 ? "hashed"
            : AuditTextModes.Contains(spec.AuditText) ? spec.AuditText : throw Invalid("audit_text", "must be off, hashed or full");
        if (spec.SystemPrompt.Length > MaxSystemPromptLength)
        {
            throw Invalid("system_prompt", $"must be at most {MaxSystemPromptLength} characters");
        }

        return new AppRecord(
            id, tenantId, RequireText(spec.Name, "name"), spec.SystemPrompt, [.. spec.KnowledgeBases.Select(k => RequireText(k, "knowledge_bases"))],
            spec.GuardrailPolicy.Length == 0 ? "default" : RequireText(spec.GuardrailPolicy, "guardrail_policy"),
            spec.Model.Length == 0 ? "extractive" : RequireText(spec.Model, "model"), audience, AppLimitsJson.Write(spec.Limits),
            auditText, 1, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>A prompt change is audited by its digest, so the trail shows that and when it changed, not the text.</summary>
    private static Dictionary<string, string> PromptDetails(AppRecord app) => new()
    {
        ["name"] = app.Name,
        ["system_prompt_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(app.SystemPrompt))),
        ["version"] = app.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
