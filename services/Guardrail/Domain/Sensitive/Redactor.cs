namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>Replaces spans with <c>[REDACTED:KIND]</c>; the spans must not overlap.</summary>
public static class Redactor
{
    public static string Redact(string text, IEnumerable<SensitiveSpan> spans)
    {
        // The spans that are kept, in order; then the result written once at its exact length (no builder to grow
        // and copy: a 2 KB chunk would cost two 4 KB buffers).
        var kept = new List<SensitiveSpan>();
        var position = 0;
        var length = text.Length;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < position)
            {
                continue;
            }

            kept.Add(span);
            length += Marker(span).Length - (span.End - span.Start);
            position = span.End;
        }

        return string.Create(length, (text, kept), static (into, state) =>
        {
            var (source, spans) = state;
            var position = 0;
            foreach (var span in spans)
            {
                source.AsSpan(position, span.Start - position).CopyTo(into);
                into = into[(span.Start - position)..];
                var marker = Marker(span);
                marker.CopyTo(into);
                into = into[marker.Length..];
                position = span.End;
            }

            source.AsSpan(position).CopyTo(into);
        });
    }

    private static string Marker(SensitiveSpan span) => SensitiveKindMap.Marker(span.RuleId);
}
