using System.Diagnostics;
using System.Globalization;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Tools.GuardrailTrainer;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>
/// True- and false-positive rates of one rail on a <c>{"text","label"}</c> file, with 95% Wilson intervals, the
/// median scan time, and how many of the file's texts the rail's classifier was trained on (a text overlaps when it,
/// or any of its sentences or lines of 20+ characters, was a training text). <c>--held-out</c> scores only the texts
/// that do not overlap.
/// </summary>
public static class RailEvaluation
{
    public static int Run(string file, string[] options)
    {
        var railName = Option(options, "--rail") ?? "input";
        if (!Enum.TryParse<RailKind>(railName, ignoreCase: true, out var rail))
        {
            Console.Error.WriteLine($"unknown rail '{railName}': input, context or output");
            return 2;
        }

        var heldOut = options.Contains("--held-out");
        var verbose = options.Contains("--verbose");
        var rows = JsonlReader.Read(file);
        var runner = new RailRunner(rail);
        var fingerprint = runner.Fingerprint;

        // Warm up the regexes and the JIT so the timings measure scanning, not first-call costs.
        foreach (var row in rows.Take(50))
        {
            runner.Decide(row.Text);
        }

        int tp = 0, fn = 0, fp = 0, tn = 0, overlap = 0;
        var micros = new List<double>(rows.Count);
        var cpuMicros = new List<double>(rows.Count);
        foreach (var row in rows)
        {
            var seen = fingerprint?.Overlaps(row.Text) ?? false;
            if (seen)
            {
                overlap++;
                if (heldOut)
                {
                    continue;
                }
            }

            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadClock.NowNanoseconds();
            var decision = runner.Decide(row.Text);
            cpuMicros.Add((ThreadClock.NowNanoseconds() - cpuStarted) / 1000.0);
            micros.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            var flagged = decision.Action != GuardAction.Allow;
            switch (row.Label, flagged)
            {
                case (1, true): tp++; break;
                case (1, false): fn++; Report(verbose, "FN", row.Text, decision); break;
                case (_, true): fp++; Report(verbose, "FP", row.Text, decision); break;
                default: tn++; break;
            }
        }

        var positives = tp + fn;
        var negatives = fp + tn;
        Console.WriteLine($"file: {Path.GetFileName(file)}  rail: {railName}  rows: {rows.Count}  " +
            (heldOut ? $"held-out: {overlap} rows seen in training skipped" : $"overlap: {overlap} rows seen in training"));
        PrintRate("TPR", tp, positives);
        PrintRate("FPR", fp, negatives);
        micros.Sort();
        cpuMicros.Sort();
        var p50 = micros.Count == 0 ? double.NaN : micros[micros.Count / 2];
        var cpuP50 = cpuMicros.Count == 0 ? double.NaN : cpuMicros[cpuMicros.Count / 2];
        var chars = rows.Count == 0 ? 0 : rows.Select(r => r.Text.Length).Order().ElementAt(rows.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median text {chars} chars; scan time p50 {p50:0.0} us wall, {cpuP50:0.0} us thread CPU (wall includes waiting for a shared CPU)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TPR={Rate(tp, positives)} FPR={Rate(fp, negatives)} pos={positives} neg={negatives} p50_us={p50:0.0} overlap={(heldOut ? 0 : overlap)}"));
        return 0;
    }

    private static void PrintRate(string name, int hits, int total)
    {
        var (low, high) = Wilson.Interval(hits, total);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} {Rate(hits, total)} 95% CI [{low:0.0000}, {high:0.0000}] ({hits}/{total})"));
    }

    private static string Rate(int hits, int total) =>
        total == 0 ? "nan" : ((double)hits / total).ToString("0.0000", CultureInfo.InvariantCulture);

    private static void Report(bool verbose, string kind, string text, SecureRag.Guardrail.Domain.Scanning.RailDecision decision)
    {
        if (!verbose)
        {
            return;
        }

        var rules = string.Join(",", decision.Findings.Select(f => $"{f.RuleId}:{f.Score:0.00}"));
        var clipped = text.Replace('\n', ' ');
        Console.Error.WriteLine($"{kind} [{rules}] {clipped[..Math.Min(clipped.Length, 200)]}");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
