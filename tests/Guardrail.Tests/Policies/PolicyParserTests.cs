using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Tests.Policies;

public sealed class PolicyParserTests
{
    [Fact]
    public void AnEmptyObjectIsTheDefaultPolicy()
    {
        var parsed = PolicyParser.Parse("{}");

        Assert.True(parsed.IsValid);
        Assert.Equal(PolicyJson.Write(GuardrailPolicy.Default), PolicyJson.Write(parsed.Policy!));
    }

    [Fact]
    public void TheEffectivePolicyRoundTrips()
    {
        var json = """
            {
              "input": { "maxChars": 2000, "topics": ["billing", "shipping"], "rules": { "pii.email": "redact", "injection.roleplay": { "action": "block", "threshold": 0.7 } } },
              "context": { "onBlock": "quarantine" },
              "output": { "rules": { "grounding.unsupported": { "threshold": 0.3 } } },
              "audit": { "text": "off" }
            }
            """;

        var policy = PolicyParser.Parse(json).Policy!;
        var reparsed = PolicyParser.Parse(PolicyJson.Write(policy)).Policy!;

        Assert.Equal(PolicyJson.Write(policy), PolicyJson.Write(reparsed));
        Assert.Equal(2000, reparsed.Input.MaxChars);
        Assert.Equal(new RuleSetting(GuardAction.Block, 0.7), reparsed.Input[RuleIds.RolePlay]);
        Assert.Equal(GuardAction.Redact, reparsed.Input[RuleIds.Email].Action);
        Assert.Equal(ChunkDisposition.Quarantine, reparsed.Context.OnBlock);
        Assert.Equal(AuditTextMode.Off, reparsed.AuditText);
    }

    [Theory]
    [InlineData("", "$", "empty")]
    [InlineData("not json", "$", "Not valid JSON")]
    [InlineData("[1, 2]", "$", "JSON object")]
    [InlineData("""{"inputs": {}}""", "$.inputs", "Unknown section")]
    [InlineData("""{"input": {"rules": {"injection.overide": "block"}}}""", "$.input.rules['injection.overide']", "Unknown rule")]
    [InlineData("""{"input": {"rules": {"injection.override": "redact"}}}""", "$.input.rules['injection.override']", "nothing to redact")]
    [InlineData("""{"input": {"rules": {"injection.override": "deny"}}}""", "$.input.rules['injection.override']", "Expected \"allow\"")]
    [InlineData("""{"input": {"rules": {"pii.email": {"threshold": 1.5}}}}""", "$.input.rules['pii.email'].threshold", "from 0 to 1")]
    [InlineData("""{"input": {"rules": {"pii.email": {"level": 1}}}}""", "$.input.rules['pii.email'].level", "Unknown option")]
    [InlineData("""{"input": {"maxChars": 0}}""", "$.input.maxChars", "whole number")]
    [InlineData("""{"input": {"topics": "billing"}}""", "$.input.topics", "array of strings")]
    [InlineData("""{"input": {"topics": [""]}}""", "$.input.topics[0]", "non-empty string")]
    [InlineData("""{"context": {"onBlock": "delete"}}""", "$.context.onBlock", "drop")]
    [InlineData("""{"output": {"maxChars": 5}}""", "$.output.maxChars", "Unknown option")]
    [InlineData("""{"context": {"rules": {"leak.canary": "block"}}}""", "$.context.rules['leak.canary']", "Unknown rule")]
    [InlineData("""{"audit": {"text": "plain"}}""", "$.audit.text", "hashed")]
    [InlineData("""{"input": {}, "input": {}}""", "$.input", "more than once")]
    public void AnInvalidPolicyIsRefusedWithItsPathAndReason(string json, string path, string reason)
    {
        var parsed = PolicyParser.Parse(json);

        Assert.False(parsed.IsValid);
        Assert.Null(parsed.Policy);
        Assert.Contains(parsed.Problems, p => p.Path == path && p.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProblemIsReportedNotJustTheFirst()
    {
        var parsed = PolicyParser.Parse("""{"input": {"rules": {"nope": "block", "pii.email": "maybe"}}, "audit": {"text": 1}}""");

        Assert.Equal(3, parsed.Problems.Count);
    }

    [Fact]
    public void AnOversizedPolicyIsRefused()
    {
        var parsed = PolicyParser.Parse("{\"input\": {\"topics\": [\"" + new string('x', 70_000) + "\"]}}");

        Assert.Contains("limit", Assert.Single(parsed.Problems).Message, StringComparison.Ordinal);
    }
}
