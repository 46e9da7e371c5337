using Google.Protobuf.WellKnownTypes;
using SecureRag.Auth.Assertions;
using SecureRag.Contracts.Auth;

namespace SecureRag.Auth.Tests.Assertions;

public sealed class IssuedAssertionsTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly IssuedAssertions _issued = new(Lifetime);

    [Fact]
    public void TheSamePrincipalGetsTheSameAssertionWhileHalfItsLifeIsLeft()
    {
        var remembered = Remember(Member(), "retrieval", "key-1");

        Assert.True(_issued.TryReuse(Member(), "retrieval", "key-1", IssuedAt + (Lifetime / 2), out var reused));
        Assert.Same(remembered, reused);
        Assert.False(_issued.TryReuse(Member(), "retrieval", "key-1", IssuedAt + (Lifetime / 2) + TimeSpan.FromSeconds(1), out _));
    }

    [Fact]
    public void AChangedRoleOrGroupIsNotServedTheOldAssertion()
    {
        Remember(Member(), "retrieval", "key-1");

        var promoted = Member();
        promoted.Roles.Add("editor");
        var moved = Member();
        moved.GroupIds[0] = "group-b";

        Assert.False(_issued.TryReuse(promoted, "retrieval", "key-1", IssuedAt, out _));
        Assert.False(_issued.TryReuse(moved, "retrieval", "key-1", IssuedAt, out _));
    }

    [Fact]
    public void AnotherAudienceOrSigningKeyIsNotServedTheOldAssertion()
    {
        Remember(Member(), "retrieval", "key-1");

        Assert.False(_issued.TryReuse(Member(), "inference", "key-1", IssuedAt, out _));
        Assert.False(_issued.TryReuse(Member(), "retrieval", "key-2", IssuedAt, out _));
    }

    private Assertion Remember(Principal principal, string audience, string keyId)
    {
        var assertion = new Assertion { Audience = audience, Token = $"{audience}-{keyId}", ExpiresAt = Timestamp.FromDateTimeOffset(IssuedAt + Lifetime) };
        _issued.Remember(principal, audience, keyId, assertion);
        return assertion;
    }

    private static Principal Member() => new()
    {
        TenantId = "tenant-1",
        PrincipalId = "user-1",
        Kind = "user",
        GroupIds = { "group-a" },
        Roles = { "member" },
        Scopes = { "query" },
    };
}
