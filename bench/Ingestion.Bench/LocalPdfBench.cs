using System.Diagnostics;
using System.Globalization;
using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Bench;

/// <summary>The parse-and-chunk share of a large PDF's ingestion, in this process: the service's own reader and chunker.</summary>
public static class LocalPdfBench
{
    public static void Run(int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingestion-bench-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, PdfGenerator.Create(megabytes * 1024L * 1024));
        try
        {
            GC.Collect();
            var baseline = ProcessMemory.CurrentMegabytes(Environment.ProcessId) ?? 0;
            var reader = new DocumentReader(DocumentReader.BuiltInParsers());
            var chunker = new StructureChunker(new Cl100kTokenCounter(), new ChunkingOptions());
            var clock = Stopwatch.StartNew();
            using var file = File.OpenRead(path);
            var chunks = 0;
            long tokens = 0;
            foreach (var chunk in chunker.Split(reader.Read(file, Domain.Parsing.DocumentFormat.Pdf, new ParseLimits(), CancellationToken.None)))
            {
                chunks++;
                tokens += chunk.TokenCount;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pdf_mb={new FileInfo(path).Length / 1e6:F1} parse_chunk_seconds={clock.Elapsed.TotalSeconds:F1} chunks={chunks} tokens={tokens} " +
                $"baseline_rss_mb={baseline:F0} peak_rss_mb={ProcessMemory.PeakMegabytes(Environment.ProcessId):F0}"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
