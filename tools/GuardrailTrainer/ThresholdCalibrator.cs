namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// Picks the operating threshold by cross-validation on the training side only: every benign group (a prompt, or a
/// whole clean chunk whose score is its highest line) is scored by a model that did not see it, and the threshold is
/// set so that at most the target share of them would be flagged. With <see cref="TrainerSettings.CvRepeats"/> above
/// one the 5-fold split is drawn that many times and the out-of-fold scores of all repeats are pooled: on a small
/// set a 0.5% quantile otherwise rests on one or two scores and moves with the luck of a single split.
/// </summary>
public static class ThresholdCalibrator
{
    private const int Folds = 5;

    public static (double Threshold, double OofTpr, double OofFpr) Calibrate(IReadOnlyList<Example> examples, TrainerSettings settings)
    {
        var benign = new List<double>();
        var attacks = new List<double>();
        for (var repeat = 0; repeat < settings.CvRepeats; repeat++)
        {
            var negatives = new Dictionary<string, double>(StringComparer.Ordinal);
            var positives = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var fold = 0; fold < Folds; fold++)
            {
                var train = examples.Where(e => Fold(e.Group, repeat) != fold).ToList();
                var (weights, bias) = LogisticTrainer.Train(train, settings);
                foreach (var example in examples.Where(e => Fold(e.Group, repeat) == fold))
                {
                    var score = LogisticTrainer.Score(weights, bias, example.Features);
                    var scores = example.Label == 1 ? positives : negatives;
                    scores[example.Group] = Math.Max(score, scores.GetValueOrDefault(example.Group));
                }
            }

            benign.AddRange(negatives.Values);
            attacks.AddRange(positives.Values);
        }

        var ranked = benign.OrderDescending().ToArray();
        var allowed = (int)Math.Floor(settings.TargetFpr * ranked.Length);
        var threshold = allowed < ranked.Length ? Math.Min(1 - 1e-9, ranked[allowed] + 1e-9) : 0.5;
        var tpr = attacks.Count == 0 ? 0 : attacks.Count(s => s >= threshold) / (double)attacks.Count;
        var fpr = ranked.Count(s => s >= threshold) / (double)Math.Max(1, ranked.Length);
        return (threshold, tpr, fpr);
    }

    // The first repeat keeps the original fold assignment, so a single repeat reproduces the earlier calibration.
    private static int Fold(string group, int repeat) =>
        (int)(SecureRag.Guardrail.Domain.Classifier.TrainingFingerprint.Hash(
            (repeat == 0 ? "fold:" : $"fold{repeat}:") + group) % Folds);
}
