namespace SecureRag.Retrieval.Bench;

public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return args switch
        {
            ["quality", var folder] => await QualityBench.RunAsync(folder, cancel.Token),
            ["lexical-variants", var collection] => LexicalVariants.Run(collection),
            ["latency", .. var rest] => await LatencyBench.RunAsync(LatencyBench.Settings.Parse(rest), cancel.Token),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Retrieval.Bench quality <collection-dir> | latency [--chunks N] [--rate R] [--seconds S]");
        return 2;
    }
}
