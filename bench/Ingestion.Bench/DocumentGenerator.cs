using System.Text;

namespace SecureRag.Ingestion.Bench;

/// <summary>Distinct Markdown documents of about the requested size: headings, paragraphs, a list, a table.</summary>
public static class DocumentGenerator
{
    private static readonly string[] Words =
    [
        "access", "approval", "archive", "audit", "backup", "budget", "citation", "classification", "compliance", "customer",
        "data", "deadline", "document", "employee", "encryption", "gateway", "guideline", "incident", "index", "invoice",
        "knowledge", "license", "model", "onboarding", "partner", "policy", "privacy", "procurement", "quarter", "record",
        "release", "retention", "review", "risk", "search", "security", "service", "supplier", "tenant", "training",
    ];

    public static byte[] Markdown(int index, int targetBytes)
    {
        var random = new Random(index);
        var text = new StringBuilder($"# Document {index}: {Word(random)} {Word(random)}\n\n");
        var section = 1;
        while (text.Length < targetBytes)
        {
            text.Append($"## Section {section++} on {Word(random)}\n\n");
            for (var p = 0; p < 3 && text.Length < targetBytes; p++)
            {
                text.Append(Paragraph(random)).Append("\n\n");
            }

            if (section % 2 == 0)
            {
                text.Append($"- {Sentence(random)}\n- {Sentence(random)}\n- {Sentence(random)}\n\n");
            }
            else
            {
                text.Append("| item | owner | due |\n|---|---|---|\n");
                for (var r = 0; r < 4; r++)
                {
                    text.Append($"| {Word(random)} {index}-{r} | {Word(random)} | Q{random.Next(1, 5)} |\n");
                }

                text.Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Paragraph(Random random) => string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => Sentence(random)));

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, random.Next(6, 16)).Select(_ => Word(random)).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];
}
