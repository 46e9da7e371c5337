namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>Hyper-parameters of one model; recorded in the model's provenance.</summary>
public sealed record TrainerSettings(int Bits = 18, int Epochs = 10, double LearningRate = 0.5, double L2 = 1e-4, ulong Seed = 20241122, double TargetFpr = 0.01, int CvRepeats = 1)
{
    public override string ToString() =>
        $"bits={Bits} epochs={Epochs} sgd_lr={LearningRate} l2={L2} seed={Seed} target_fpr={TargetFpr}" + (CvRepeats > 1 ? $" cv_repeats={CvRepeats}" : "");
}
