using SecureRag.Inference.Domain;

namespace SecureRag.Inference.Bench;

/// <summary>Deterministic English-like text: sentences drawn from a fixed vocabulary, sized in cl100k tokens.</summary>
public sealed class Corpus(int seed)
{
    private static readonly string[] Words =
    [
        "the", "policy", "travel", "expense", "report", "must", "be", "submitted", "within", "thirty", "days", "of",
        "return", "employees", "receipts", "hotel", "flight", "manager", "approval", "required", "for", "any", "amount",
        "above", "limit", "currency", "conversion", "uses", "rate", "on", "date", "purchase", "corporate", "card",
        "personal", "reimbursed", "through", "payroll", "next", "cycle", "exceptions", "finance", "team", "reviews",
        "quarterly", "audit", "compliance", "department", "budget", "owner", "signs", "off", "meals", "per", "diem",
        "international", "domestic", "booking", "tool", "preferred", "vendors", "economy", "class", "long", "haul",
    ];

    private readonly Random _random = new(seed);
    private readonly TokenCounter _tokens = new();

    public string Sentence()
    {
        var words = Enumerable.Range(0, _random.Next(8, 20)).Select(_ => Words[_random.Next(Words.Length)]).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    public string Text(int tokens)
    {
        var text = new System.Text.StringBuilder();
        while (_tokens.Count(text.ToString()) < tokens)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(Sentence());
        }

        return text.ToString();
    }

    public string Question() =>
        string.Join(' ', Enumerable.Range(0, _random.Next(3, 7)).Select(_ => Words[_random.Next(Words.Length)])) + "?";
}
