using SecureRag.Tools.GuardrailTrainer;

// Reproduces the guardrail's classifier weights from ../shared/data/guardrail:
//   dotnet run --project tools/GuardrailTrainer -c Release [-- --data <dir>] [--out <dir>]
var data = Option(args, "--data") ?? DataLocator.GuardrailDirectory();
var output = Option(args, "--out") ?? Path.Combine(RepositoryRoot(), "services", "Guardrail", "Domain", "Classifier", "Models");
var settings = new TrainerSettings();
var sets = new TrainingSets(data, settings.Bits);

// Chosen by --grid (cross-validation on the training side): the context model over-fits sooner. The tables are
// kept small (256 KB and 512 KB of weights) so they stay in the CPU cache: scanning is a few thousand lookups. The
// input model works at a stricter operating point (0.5% of ordinary prompts) because the rules carry most attacks
// and every false flag reaches a user.
var inputSettings = settings with { Bits = 16, TargetFpr = 0.005, CvRepeats = 5 };
var contextSettings = settings with { Epochs = 5, L2 = 1e-5, Bits = 17 };
if (args.Contains("--diagnose"))
{
    foreach (var (name, set) in new[] { ("input", sets.Input()), ("context", sets.Context()) })
    {
        Diagnostics.Print(name, set, settings);
    }

    return;
}

if (args.Contains("--grid"))
{
    // Hyper-parameter search by cross-validation on the training side (never the evaluation side).
    foreach (var (name, set) in new[] { ("input", sets.Input()), ("context", sets.Context()) })
    {
        foreach (var l2 in new[] { 1e-5, 1e-4, 1e-3 })
        {
            foreach (var epochs in new[] { 5, 10, 20 })
            {
                var candidate = settings with { L2 = l2, Epochs = epochs };
                var (threshold, tpr, fpr) = ThresholdCalibrator.Calibrate(set.Examples, candidate);
                Console.WriteLine($"{name} {candidate}: threshold {threshold:0.0000} oof_tpr {tpr:0.000} oof_fpr {fpr:0.000}");
            }
        }
    }

    return;
}

Console.WriteLine($"data: {data}");
var readme = new List<string> { "# Guardrail classifier weights", "", ModelReadme.Intro, "" };
foreach (var (name, set, modelSettings) in new[]
{
    ("input", new TrainingSets(data, inputSettings.Bits).Input(), inputSettings),
    ("context", new TrainingSets(data, contextSettings.Bits).Context(), contextSettings),
})
{
    var lines = ModelBuilder.Build(name, set, modelSettings, output);
    lines.ToList().ForEach(l => Console.WriteLine(l));
    readme.Add($"## {name}.model");
    readme.Add("");
    readme.AddRange(lines.Skip(1).Select(l => "- " + l));
    readme.Add("");
}

File.WriteAllLines(Path.Combine(output, "README.md"), readme);
Console.WriteLine($"wrote {output}");

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string RepositoryRoot()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "SecureRag.sln")))
        {
            return d.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run from inside the repository (no SecureRag.sln above the current directory).");
}
