using BenchmarkDotNet.Attributes;
using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scanning;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Bench.Guardrail;

/// <summary>The rails in process under the default policy: input on 1 KB prompts, context on 2 KB chunks, output on 1 KB answers.</summary>
[MemoryDiagnoser]
public class RailBenchmarks
{
    private InputRail _input = null!;
    private ContextRail _context = null!;
    private OutputRail _output = null!;
    private GuardrailPolicy _policy = null!;
    private string _benignPrompt = "";
    private string _attackPrompt = "";
    private ContextChunk[] _table = [];
    private ContextChunk[] _prose = [];

    [GlobalSetup]
    public void Setup()
    {
        var detector = new InjectionDetector();
        _input = new InputRail(detector, new SensitiveDataScanner(), ModelCatalog.ForInput);
        _context = new ContextRail(detector, new SensitiveDataScanner(), ModelCatalog.ForContext);
        _output = new OutputRail(new SensitiveDataScanner());
        _policy = GuardrailPolicy.Default;
        var texts = SampleTexts.Load();
        _benignPrompt = texts.BenignPrompt;
        _attackPrompt = texts.AttackPrompt;
        _table = [new ContextChunk("table", texts.TableChunk)];
        _prose = [new ContextChunk("email", texts.ProseChunk)];
    }

    [Benchmark(Description = "input rail, 1 KB benign prompt")]
    public GuardAction InputBenign() => _input.Scan(_benignPrompt, [], _policy.Input).Decision.Action;

    [Benchmark(Description = "input rail, 1 KB prompt with an attack")]
    public GuardAction InputAttack() => _input.Scan(_attackPrompt, [], _policy.Input).Decision.Action;

    [Benchmark(Description = "context rail, 2 KB table chunk")]
    public GuardAction ContextTable() => _context.Scan(_table, _policy.Context).Decision.Action;

    [Benchmark(Description = "context rail, 2 KB e-mail chunk")]
    public GuardAction ContextProse() => _context.Scan(_prose, _policy.Context).Decision.Action;

    [Benchmark(Description = "output rail, 1 KB answer")]
    public GuardAction Output() => _output.Scan(_benignPrompt, "canary-1234", null, [], _policy.Output).Decision.Action;
}
