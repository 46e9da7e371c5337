using Grpc.Core;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Infrastructure.Jobs;
using RetrievalApproval = SecureRag.Contracts.Retrieval.ApprovalState;

namespace SecureRag.Ingestion.Tests.Storage;

public sealed class DecisionTests(IngestionPostgresServer server)
{
    [Fact]
    public async Task AnUnapprovedVersionIsIndexedAsPendingAndApprovalReachesTheIndexBeforeTheCallAnswers()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync(ApprovalMode.Required);
        var upload = await host.UploadAsync(kb.Id, "Policy text."u8.ToArray(), "policy.txt");
        await host.Runner.RunAsync(Guid.Parse(upload.JobId), null, TestContext.Current.CancellationToken);

        Assert.Equal(RetrievalApproval.Pending, Assert.Single(host.Index.Indexed).Header.Approval);
        var document = await host.Api.ApproveDocument(new DecideDocumentRequest { Id = upload.DocumentId }, host.Approver(kb.Id));

        Assert.Equal((Guid.Parse(upload.DocumentId), 1L, true), Assert.Single(host.Index.Decisions));
        Assert.Equal(1, document.SearchableVersion);
        Assert.Equal(ApprovalState.Approved, document.Versions[0].ApprovalState);
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AuditEventRaised' AND body->>'action' = 'document.approved'"));
    }

    [Fact]
    public async Task RejectingANewVersionKeepsTheApprovedOne()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync(ApprovalMode.Required);
        var first = await host.UploadAsync(kb.Id, "Version one."u8.ToArray(), "policy.txt");
        await host.Runner.RunAsync(Guid.Parse(first.JobId), null, TestContext.Current.CancellationToken);
        await host.Api.ApproveDocument(new DecideDocumentRequest { Id = first.DocumentId }, host.Approver(kb.Id));
        var second = await host.UploadAsync(kb.Id, "Version two."u8.ToArray(), "policy.txt", first.DocumentId);
        await host.Runner.RunAsync(Guid.Parse(second.JobId), null, TestContext.Current.CancellationToken);

        var document = await host.Api.RejectDocument(new DecideDocumentRequest { Id = first.DocumentId, Version = 2, Reason = "outdated" }, host.Approver(kb.Id));

        Assert.Equal((Guid.Parse(first.DocumentId), 2L, false), host.Index.Decisions.Last());
        Assert.Equal(1, document.SearchableVersion);
        Assert.Equal([ApprovalState.Rejected, ApprovalState.Approved], document.Versions.Select(v => v.ApprovalState));
    }

    [Fact]
    public async Task AnApprovalMadeWhileTheJobRunsIsAppliedWhenItFinishes()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync(ApprovalMode.Required);
        var upload = await host.UploadAsync(kb.Id, "Policy text."u8.ToArray(), "policy.txt");

        // Not indexed yet: the decision is recorded, and the job applies it under the same lock when it completes.
        await host.Api.ApproveDocument(new DecideDocumentRequest { Id = upload.DocumentId }, host.Approver(kb.Id));
        Assert.Empty(host.Index.Decisions);
        var outcome = await host.Runner.RunAsync(Guid.Parse(upload.JobId), null, TestContext.Current.CancellationToken);

        Assert.Equal(JobOutcome.Completed, outcome);
        Assert.Equal(RetrievalApproval.Approved, Assert.Single(host.Index.Indexed).Header.Approval);
        var document = await host.Api.GetDocument(new GetDocumentRequest { Id = upload.DocumentId }, host.Editor(kb.Id));
        Assert.Equal(1, document.SearchableVersion);
    }

    [Fact]
    public async Task OnlyAnApproverOfTheKnowledgeBaseMayDecide()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync(ApprovalMode.Required);
        var other = await host.CreateKnowledgeBaseAsync(ApprovalMode.Required);
        var upload = await host.UploadAsync(kb.Id, "Policy text."u8.ToArray(), "policy.txt");

        var byEditor = await Assert.ThrowsAsync<RpcException>(() => host.Api.ApproveDocument(new DecideDocumentRequest { Id = upload.DocumentId }, host.Editor(kb.Id)));
        var byOtherApprover = await Assert.ThrowsAsync<RpcException>(() => host.Api.ApproveDocument(new DecideDocumentRequest { Id = upload.DocumentId }, host.Approver(other.Id)));

        Assert.Equal(StatusCode.PermissionDenied, byEditor.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byOtherApprover.StatusCode);
    }

    [Fact]
    public async Task DeletionAndAccessChangesReachTheIndexBeforeTheCallAnswers()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var upload = await host.UploadAsync(kb.Id, "Some text."u8.ToArray(), "a.txt");
        await host.Runner.RunAsync(Guid.Parse(upload.JobId), null, TestContext.Current.CancellationToken);

        await host.Api.SetDocumentAccess(new SetDocumentAccessRequest { Id = upload.DocumentId, Access = { "group:staff" } }, host.Editor(kb.Id));
        await host.Api.DeleteDocument(new DeleteDocumentRequest { Id = upload.DocumentId }, host.Editor(kb.Id));

        Assert.Equal(["group:staff"], Assert.Single(host.Index.AccessChanges).Access);
        Assert.Equal(Guid.Parse(upload.DocumentId), Assert.Single(host.Index.Deleted));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM documents"));
        Assert.Equal(2, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%AuditEventRaised' AND body->>'action' IN ('document.access_changed', 'document.deleted')"));
    }

    [Fact]
    public async Task WithTheIndexDownADeletionChangesNothing()
    {
        await using var host = await IngestionTestHost.StartAsync(server);
        var kb = await host.CreateKnowledgeBaseAsync();
        var upload = await host.UploadAsync(kb.Id, "Some text."u8.ToArray(), "a.txt");
        host.Index.Unavailable = true;

        var refusal = await Assert.ThrowsAsync<RpcException>(() => host.Api.DeleteDocument(new DeleteDocumentRequest { Id = upload.DocumentId }, host.Editor(kb.Id)));

        Assert.Equal(StatusCode.Unavailable, refusal.StatusCode);
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM documents"));
    }
}
