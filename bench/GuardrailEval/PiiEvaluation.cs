using System.Globalization;
using System.Text.Json;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>
/// Recall and precision of the output rail's personal-data detectors on a span-labelled file (the format of
/// pii-dev.jsonl: <c>spans</c> of <c>{type,start,end,value}</c>). A gold span is found when a detection of the same
/// type overlaps it; a detection is correct when it overlaps a gold span of its type. Types the rail does not cover
/// (names, addresses, dates) are ignored, except that a detection on one of them counts against precision.
/// </summary>
public static class PiiEvaluation
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["EMAIL_ADDRESS"] = RuleIds.Email,
        ["PHONE_NUMBER"] = RuleIds.Phone,
        ["CREDIT_CARD"] = RuleIds.Card,
        ["IBAN_CODE"] = RuleIds.Iban,
        ["US_SSN"] = RuleIds.Ssn,
        ["IP_ADDRESS"] = RuleIds.IpAddress,
    };

    public static int Run(string file)
    {
        var scanner = new SensitiveDataScanner();
        var stats = Types.Values.ToDictionary(t => t, _ => new int[4]); // gold, found, predicted, correct
        foreach (var line in File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty("text").GetString() ?? "";
            var gold = Spans(document.RootElement);
            var predicted = scanner.Scan(text, SensitiveKinds.Personal & ~SensitiveKinds.MyNumber);
            foreach (var (type, start, end) in gold.Where(g => g.Type is not null))
            {
                stats[type!][0]++;
                if (predicted.Any(p => p.RuleId == type && p.Start < end && start < p.End))
                {
                    stats[type!][1]++;
                }
            }

            foreach (var p in predicted.Where(p => stats.ContainsKey(p.RuleId)))
            {
                stats[p.RuleId][2]++;
                if (gold.Any(g => g.Type == p.RuleId && p.Start < g.End && g.Start < p.End))
                {
                    stats[p.RuleId][3]++;
                }
            }
        }

        foreach (var (type, s) in stats)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{type,-10} recall={Ratio(s[1], s[0])} precision={Ratio(s[3], s[2])} gold={s[0]} predicted={s[2]}"));
        }

        var totals = Enumerable.Range(0, 4).Select(i => stats.Values.Sum(s => s[i])).ToArray();
        Console.WriteLine($"overall recall={Ratio(totals[1], totals[0])} precision={Ratio(totals[3], totals[2])}");
        return 0;
    }

    private static List<(string? Type, int Start, int End)> Spans(JsonElement root)
    {
        var spans = new List<(string?, int, int)>();
        if (root.TryGetProperty("spans", out var array))
        {
            foreach (var span in array.EnumerateArray())
            {
                var type = span.GetProperty("type").GetString() ?? "";
                spans.Add((Types.GetValueOrDefault(type), span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32()));
            }
        }

        return spans;
    }

    private static string Ratio(int a, int b) => b == 0 ? "nan" : ((double)a / b).ToString("0.0000", CultureInfo.InvariantCulture);
}
