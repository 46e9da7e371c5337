using System.Text;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), with the delimiter (comma, semicolon or
/// tab) taken from the header line. The first record is the header; the rest become table blocks of a bounded number
/// of rows, each citing its row range, so a long file streams and its chunks repeat the header.
/// </summary>
public sealed class CsvParser : IDocumentParser
{
    private const int RowsPerBlock = 100;

    public DocumentFormat Format => DocumentFormat.Csv;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        string? header = null;
        var rows = new List<string>(RowsPerBlock);
        var firstRow = 2;
        var rowNumber = 1;
        foreach (var record in Records(content, limits, cancellationToken))
        {
            if (record.All(f => f.Length == 0))
            {
                continue;
            }

            var line = string.Join(" | ", record.Select(f => f.Trim()));
            if (header is null)
            {
                header = line;
                continue;
            }

            rowNumber++;
            rows.Add(line);
            if (rows.Count == RowsPerBlock)
            {
                yield return Block.Table(header, [.. rows], section: $"rows {firstRow}-{rowNumber}");
                rows.Clear();
                firstRow = rowNumber + 1;
            }
        }

        if (header is not null && (rows.Count > 0 || rowNumber == 1))
        {
            yield return Block.Table(header, [.. rows], section: rows.Count == 0 ? "header" : $"rows {firstRow}-{rowNumber}");
        }
    }

    private static IEnumerable<List<string>> Records(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        char? delimiter = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var line in TextContent.ReadLines(content, limits, cancellationToken))
        {
            delimiter ??= DetectDelimiter(line);
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (quoted)
            {
                // A line break inside a quoted field belongs to the field.
                field.Append(' ');
                continue;
            }

            fields.Add(field.ToString());
            field.Clear();
            yield return fields;
            fields = [];
        }

        if (quoted)
        {
            throw new DocumentRejectedException(RejectionCode.Corrupt, "The CSV file ends inside a quoted field.");
        }
    }

    private static char DetectDelimiter(string headerLine)
    {
        char[] candidates = [',', ';', '\t'];
        return candidates.MaxBy(c => headerLine.Count(x => x == c));
    }
}
