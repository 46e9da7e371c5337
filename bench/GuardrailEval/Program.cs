using SecureRag.Bench.GuardrailEval;

// bench/guardrail-eval.sh <file.jsonl> --rail input|context|output [--held-out] [--verbose]
// bench/pii-eval.sh <file.jsonl>
return args switch
{
    ["eval", var file, .. var rest] => RailEvaluation.Run(file, rest),
    ["pii", var file, ..] => PiiEvaluation.Run(file),
    ["probe", var rail, var text] => Probe.Run(rail, text),
    ["time", var path] => Timing.Run(path),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GuardrailEval eval <file.jsonl> --rail input|context|output [--held-out] [--verbose]");
    Console.Error.WriteLine("       GuardrailEval pii <file.jsonl>");
    return 2;
}
