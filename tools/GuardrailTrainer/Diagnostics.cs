namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>Out-of-fold error analysis on the training side: the benign texts scored highest, the attacks lowest.</summary>
public static class Diagnostics
{
    public static void Print(string name, TrainingSet set, TrainerSettings settings)
    {
        var scored = new List<(double Score, Example Example)>();
        for (var fold = 0; fold < 5; fold++)
        {
            var train = set.Examples.Where(e => Fold(e.Group) != fold).ToList();
            var (weights, bias) = LogisticTrainer.Train(train, settings);
            scored.AddRange(set.Examples.Where(e => Fold(e.Group) == fold)
                .Select(e => (LogisticTrainer.Score(weights, bias, e.Features), e)));
        }

        Console.WriteLine($"== {name}: highest benign");
        foreach (var (score, example) in scored.Where(s => s.Example.Label == 0).OrderByDescending(s => s.Score).Take(25))
        {
            Console.WriteLine($"{score:0.0000} {Clip(example.Text)}");
        }

        Console.WriteLine($"== {name}: lowest attacks");
        foreach (var (score, example) in scored.Where(s => s.Example.Label == 1).OrderBy(s => s.Score).Take(25))
        {
            Console.WriteLine($"{score:0.0000} {Clip(example.Text)}");
        }
    }

    private static int Fold(string group) =>
        (int)(SecureRag.Guardrail.Domain.Classifier.TrainingFingerprint.Hash("fold:" + group) % 5);

    private static string Clip(string text) => text.Replace('\n', ' ')[..Math.Min(text.Length, 140)];
}
