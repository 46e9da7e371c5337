using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scanning;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Guardrail.Tests.Support;

/// <summary>The rails with the shipped models, built once per test run (pattern compilation takes a moment).</summary>
public static class TestRails
{
    private static readonly Lazy<InjectionDetector> Detector = new(() => new InjectionDetector());

    public static InputRail Input { get; } = new(Detector.Value, new SensitiveDataScanner(), ModelCatalog.ForInput);

    public static ContextRail Context { get; } = new(Detector.Value, new SensitiveDataScanner(), ModelCatalog.ForContext);

    public static OutputRail Output { get; } = new(new SensitiveDataScanner());

    public static GuardrailPolicy Default => GuardrailPolicy.Default;

    public static InputScan ScanPrompt(string prompt, GuardrailPolicy? policy = null) =>
        Input.Scan(prompt, [], (policy ?? Default).Input);

    public static OutputScan ScanAnswer(string answer, GuardrailPolicy? policy = null) =>
        Output.Scan(answer, null, null, [], (policy ?? Default).Output);

    public static GuardrailPolicy Policy(string json) =>
        PolicyParser.Parse(json).Policy ?? throw new InvalidOperationException(string.Join("; ", PolicyParser.Parse(json).Problems));
}
