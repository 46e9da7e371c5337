using SecureRag.Guardrail.Domain.Classifier;

namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>Calibrates, trains and writes one model; returns the lines for the models' README.</summary>
public static class ModelBuilder
{
    public static IReadOnlyList<string> Build(string name, TrainingSet set, TrainerSettings settings, string outputDirectory)
    {
        var (threshold, oofTpr, oofFpr) = ThresholdCalibrator.Calibrate(set.Examples, settings);
        var (weights, bias) = LogisticTrainer.Train(set.Examples, settings);

        // Shift the bias so the calibrated threshold becomes a score of 0.5 (the policies' default threshold).
        var shifted = (float)(bias - LogisticTrainer.Logit(threshold));
        var model = new LinearModel(name, settings.Bits, shifted, weights);
        var fingerprint = new TrainingFingerprint(set.Texts.SelectMany(TrainingFingerprint.Units).Distinct().ToArray());

        var positives = set.Examples.Count(e => e.Label == 1);
        List<string> provenance =
        [
            $"model: {name}",
            .. set.Sources.Distinct().Select(s => $"source: {s}"),
            "split: training side of DataSplit (SHA-256(\"split:\" + key) mod 3 != 0); see tools/GuardrailTrainer/DataSplit.cs",
            $"examples: {set.Examples.Count} ({positives} positive, {set.Examples.Count - positives} negative) from {set.Texts.Count} texts",
            $"settings: {settings}",
            $"calibration: {(settings.CvRepeats > 1 ? $"{settings.CvRepeats} x " : "")}5-fold CV on the training side; threshold {threshold:0.0000} (mapped to 0.5); out-of-fold TPR {oofTpr:0.000}, FPR {oofFpr:0.000}",
            $"fingerprint: {fingerprint.Count} hashes of training texts and their sentences and lines",
        ];

        Directory.CreateDirectory(outputDirectory);
        using (var stream = File.Create(Path.Combine(outputDirectory, name + ".model")))
        {
            ModelFile.Write(stream, model, fingerprint, provenance);
        }

        return provenance;
    }
}
