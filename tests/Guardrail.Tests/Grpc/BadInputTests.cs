using Grpc.Core;
using SecureRag.Contracts.Guardrail;
using SecureRag.Guardrail.Tests.Support;
using SecureRag.TestSupport;

namespace SecureRag.Guardrail.Tests.Grpc;

/// <summary>Unscannable input gets INVALID_ARGUMENT with a message naming the problem, never a crash or a pass.</summary>
public sealed class BadInputTests(GuardrailServiceFixture fixture) : IClassFixture<GuardrailServiceFixture>
{
    public static TheoryData<string, string, string> BadPrompts() => new()
    {
        { "empty", "", "prompt is empty" },
        { "blank", " \n\t ", "prompt is empty" },
        { "several megabytes", new string('a', 5 * 1024 * 1024), "the limit is" },
        { "bell", "ring\u0007ring", "control character U+0007 at index 4" },
        { "nul", "a\0b", "control character U+0000" },
        { "C1 control", "a\u0085b", "control character U+0085" },
    };

    [Theory]
    [MemberData(nameof(BadPrompts))]
    public async Task BadPromptsAreRefusedWithInvalidArgument(string kind, string prompt, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Scanner.ScanInput(new ScanInputRequest { Prompt = prompt }, new TestCallContext(Callers.Member())));

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, kind);
        Assert.Contains(message, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xD800, 3, "abc", "def")]
    [InlineData(0xDC00, 0, "", "abc")]
    [InlineData(0xDBFF, 2, "ab", "")]
    public async Task UnpairedSurrogatesAreRefused(int surrogate, int index, string before, string after)
    {
        // Built here rather than passed as theory data: serialising test data would replace a lone surrogate with U+FFFD.
        var prompt = before + (char)surrogate + after;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Scanner.ScanInput(new ScanInputRequest { Prompt = prompt }, new TestCallContext(Callers.Member())));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"unpaired UTF-16 surrogate (U+{surrogate:X4}) at index {index}", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadHistoryTurnIsNamed()
    {
        var request = new ScanInputRequest { Prompt = "hello", History = { "fine", "bad\u0001" } };

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Scanner.ScanInput(request, new TestCallContext(Callers.Member())));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("history[1]", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContextScanWithoutChunksOrWithABadChunkIsRefused()
    {
        var caller = new TestCallContext(Callers.Service());
        var empty = await Assert.ThrowsAsync<RpcException>(() => fixture.Scanner.ScanContext(new ScanContextRequest(), caller));
        var bad = await Assert.ThrowsAsync<RpcException>(() => fixture.Scanner.ScanContext(
            new ScanContextRequest { Chunks = { new Chunk { Id = "a", Text = "ok" }, new Chunk { Id = "b", Text = "x\uDFFF" } } }, caller));

        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.StartsWith("chunks[1].text", bad.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutputScanWithABadPassageIsRefused()
    {
        var request = new ScanOutputRequest { Text = "The answer.", CitedPassages = { new Passage { Id = "p", Text = "" } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Scanner.ScanOutput(request, new TestCallContext(Callers.Member())));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("cited_passages[0].text is empty", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallWithoutAVerifiedCallerIsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Scanner.ScanInput(new ScanInputRequest { Prompt = "hi" }, new TestCallContext(caller: null)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task ACallerCannotUseAnotherAppsPolicy()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Scanner.ScanInput(
            new ScanInputRequest { AppId = "app-2", Prompt = "hi" }, new TestCallContext(Callers.Member(app: "app-1"))));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
