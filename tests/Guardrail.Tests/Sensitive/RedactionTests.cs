using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Tests.Support;

namespace SecureRag.Guardrail.Tests.Sensitive;

/// <summary>The output rail redacts each kind of personal data and secret, never leaves the value, and leaves look-alikes alone.</summary>
public sealed class RedactionTests
{
    private const string PrivateKey =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x2Fvb0pR8sQ3mXo\nT9kLp0aZ7wQe4rTyUi8oPlKjHgFdSaZx\n-----END RSA PRIVATE KEY-----";

    public static TheoryData<string, string, string> Values() => new()
    {
        { RuleIds.Email, "jane.doe@example.com", "EMAIL" },
        { RuleIds.Phone, "+1 (415) 555-0132", "PHONE" },
        { RuleIds.Phone, "030 1234 5678", "PHONE" },
        { RuleIds.Card, "4111 1111 1111 1111", "CARD" },
        { RuleIds.Card, "378282246310005", "CARD" },
        { RuleIds.Iban, "GB82 WEST 1234 5698 7654 32", "IBAN" },
        { RuleIds.Iban, "DE89370400440532013000", "IBAN" },
        { RuleIds.Ssn, "123-45-6789", "SSN" },
        { RuleIds.MyNumber, "1234 5678 9018", "MY_NUMBER" },
        { RuleIds.IpAddress, "192.168.10.25", "IP" },
        { RuleIds.IpAddress, "2001:db8:85a3::8a2e:370:7334", "IP" },
        { RuleIds.ApiKey, "AKIAIOSFODNN7EXAMPLE", "API_KEY" },
        { RuleIds.ApiKey, "ghp_" + new string('a', 18) + "B7c9D1e3F5g7H9j1K3", "API_KEY" },
        { RuleIds.ApiKey, "sk-proj-Tq3x9KdLm2Vb7Nc4Zr8Yw1Ps6Hj0Gf5", "API_KEY" },
        { RuleIds.PrivateKey, PrivateKey, "PRIVATE_KEY" },
        { RuleIds.Token, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "TOKEN" },
        { RuleIds.Token, "xK9mP2vL8qR4tY7wZ3nB6cF1hJ5dG0sA", "TOKEN" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void EachKindIsRedactedAndTheValueIsGone(string ruleId, string value, string label)
    {
        var answer = $"Here you go: {value}. My Number and contact details as requested; the same again: {value}";

        var scan = TestRails.ScanAnswer(answer);

        Assert.Equal(GuardAction.Redact, scan.Decision.Action);
        Assert.Contains(scan.Decision.Findings, f => f.RuleId == ruleId);
        Assert.NotNull(scan.RedactedText);
        Assert.DoesNotContain(value, scan.RedactedText);
        Assert.Contains($"[REDACTED:{label}]", scan.RedactedText);
    }

    [Theory]
    [InlineData("card failing Luhn", "4111 1111 1111 1112")]
    [InlineData("IBAN failing mod 97", "GB82 WEST 1234 5698 7654 33")]
    [InlineData("SSN with area 000", "000-12-3456")]
    [InlineData("SSN with area 666", "666-12-3456")]
    [InlineData("SSN with area 9xx", "912-34-5678")]
    [InlineData("My Number with a wrong check digit", "My Number: 1234 5678 9012")]
    [InlineData("IPv4 out of range", "999.10.10.10")]
    [InlineData("hex digest (no entropy)", "d41d8cd98f00b204e9800998ecf8427e")]
    public void LookAlikesThatFailTheirCheckAreLeftAlone(string kind, string value)
    {
        var scan = TestRails.ScanAnswer($"The reference is {value} as discussed.");

        Assert.True(scan.Decision.Action == GuardAction.Allow,
            $"{kind}: {string.Join(", ", scan.Decision.Findings.Select(f => f.RuleId))}");
        Assert.Null(scan.RedactedText);
    }

    [Fact]
    public void DatesTimesAndAmountsAreNotPhoneNumbers()
    {
        var scan = TestRails.ScanAnswer("On 2023-08-28 12:13:52 we paid $2,099.00 for order 42, invoice 2001 2002.");

        Assert.Equal(GuardAction.Allow, scan.Decision.Action);
    }

    [Fact]
    public void PromptsKeepPersonalDataByDefaultButLoseSecrets()
    {
        var scan = TestRails.ScanPrompt("My email is jane.doe@example.com and my key is AKIAIOSFODNN7EXAMPLE, why does S3 refuse it?");

        Assert.Equal(GuardAction.Redact, scan.Decision.Action);
        Assert.Contains("jane.doe@example.com", scan.RedactedPrompt);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", scan.RedactedPrompt);
    }
}
