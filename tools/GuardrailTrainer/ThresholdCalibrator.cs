namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// Picks the operating threshold by 5-fold cross-validation on the training side only: every benign group (a prompt,
/// or a whole clean chunk whose score is its highest line) is scored by a model that did not see it, and the
/// threshold is set so that at most the target share of them would be flagged.
/// </summary>
public static class ThresholdCalibrator
{
    private const int Folds = 5;

    public static (double Threshold, double OofTpr, double OofFpr) Calibrate(IReadOnlyList<Example> examples, TrainerSettings settings)
    {
        var negatives = new Dictionary<string, double>(StringComparer.Ordinal);
        var positives = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = examples.Where(e => Fold(e.Group) != fold).ToList();
            var (weights, bias) = LogisticTrainer.Train(train, settings);
            foreach (var example in examples.Where(e => Fold(e.Group) == fold))
            {
                var score = LogisticTrainer.Score(weights, bias, example.Features);
                var scores = example.Label == 1 ? positives : negatives;
                scores[example.Group] = Math.Max(score, scores.GetValueOrDefault(example.Group));
            }
        }

        var benign = negatives.Values.OrderDescending().ToArray();
        var allowed = (int)Math.Floor(settings.TargetFpr * benign.Length);
        var threshold = allowed < benign.Length ? Math.Min(1 - 1e-9, benign[allowed] + 1e-9) : 0.5;
        var tpr = positives.Count == 0 ? 0 : positives.Values.Count(s => s >= threshold) / (double)positives.Count;
        var fpr = benign.Count(s => s >= threshold) / (double)Math.Max(1, benign.Length);
        return (threshold, tpr, fpr);
    }

    private static int Fold(string group) =>
        (int)(SecureRag.Guardrail.Domain.Classifier.TrainingFingerprint.Hash("fold:" + group) % Folds);
}
