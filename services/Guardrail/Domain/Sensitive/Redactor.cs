using System.Text;

namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>Replaces spans with <c>[REDACTED:KIND]</c>; the spans must not overlap.</summary>
public static class Redactor
{
    public static string Redact(string text, IEnumerable<SensitiveSpan> spans)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < position)
            {
                continue;
            }

            builder.Append(text, position, span.Start - position);
            builder.Append("[REDACTED:").Append(SensitiveKindMap.Label(span.RuleId)).Append(']');
            position = span.End;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }
}
