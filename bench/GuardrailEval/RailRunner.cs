using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scanning;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>Runs one rail of the product under the built-in default policy; a text is flagged when the action is not allow.</summary>
public sealed class RailRunner(RailKind rail)
{
    private readonly InputRail _input = new(new InjectionDetector(), new SensitiveDataScanner(), ModelCatalog.ForInput);
    private readonly ContextRail _context = new(new InjectionDetector(), new SensitiveDataScanner(), ModelCatalog.ForContext);
    private readonly OutputRail _output = new(new SensitiveDataScanner());
    private readonly GuardrailPolicy _policy = GuardrailPolicy.Default;

    public TrainingFingerprint? Fingerprint => rail switch
    {
        RailKind.Input => ModelCatalog.ForInput?.Fingerprint,
        RailKind.Context => ModelCatalog.ForContext?.Fingerprint,
        _ => null,
    };

    public RailDecision Decide(string text) => rail switch
    {
        RailKind.Input => _input.Scan(text, [], _policy.Input).Decision,
        RailKind.Context => _context.Scan([new ContextChunk("0", text)], _policy.Context).Decision,
        _ => _output.Scan(text, null, null, [], _policy.Output).Decision,
    };
}
