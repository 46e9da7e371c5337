using System.Globalization;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>One citation section for a chunk made of pieces with their own (rows become a row range).</summary>
internal static class ChunkSections
{
    public static string? Combine(IEnumerable<string?> sections)
    {
        var distinct = sections.Where(s => s is not null).Select(s => s!).Distinct().ToList();
        if (distinct.Count <= 1)
        {
            return distinct.FirstOrDefault();
        }

        if (distinct.All(s => s.StartsWith("row ", StringComparison.Ordinal)))
        {
            var rows = distinct.Select(s => int.Parse(s[4..], CultureInfo.InvariantCulture)).ToList();
            return $"rows {rows.Min()}-{rows.Max()}";
        }

        return $"{distinct[0]} – {distinct[^1]}";
    }
}
