using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// Builds the training examples of both models from the training side of the split, featurised by the product's
/// own normaliser, segmenter and featuriser.
/// <list type="bullet">
/// <item>Input model: deepset prompts with their labels; BIPIA's bare payloads ("Explain the theory of relativity.")
/// as benign prompts, since as a user's own request they are ordinary tasks, which keeps the model from learning
/// that every request to write or explain is an attack.</item>
/// <item>Context model: lines and sentences of BIPIA contexts; the inserted attack's lines are positive, the clean
/// contexts' lines negative; BIPIA payloads and deepset attacks are positive standalone segments.</item>
/// </list>
/// </summary>
public sealed class TrainingSets(string dataDirectory, int bits)
{
    private readonly HashedFeaturizer _featurizer = new(bits);

    /// <summary>The traits of the segment last featurised (diagnostics).</summary>
    public static Guardrail.Domain.Classifier.SegmentTraits LastTraits { get; private set; }

    public TrainingSet Input()
    {
        var set = new TrainingSet([], [], []);
        var deepset = Train("deepset-train.jsonl", set);
        var payloads = Train("bipia-train.jsonl", set).Where(r => r.Kind == "indirect_payload").ToList();
        var groups = new TextGroups();
        deepset.ForEach(r => groups.Add(r.Text));
        payloads.ForEach(r => groups.Add(r.Text));

        var benign = deepset.Where(r => r.Label == 0).Select(r => r.Text.Trim()).Where(t => t.Length >= 8)
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToList();
        foreach (var row in deepset)
        {
            var text = row.Label == 1 ? StripBenignPrefixes(row.Text, benign) : row.Text;
            Add(set, row.Text, row.Label, groups.GroupOf(row.Text), WholeText(text));
        }

        foreach (var row in payloads)
        {
            Add(set, row.Text, 0, groups.GroupOf(row.Text), WholeText(row.Text));
        }

        return Weighted(set);
    }

    /// <summary>
    /// deepset builds attacks as "ordinary question + attack"; training on the whole would teach the model that the
    /// ordinary question is an attack. Ordinary questions of the training side are cut off the front of attacks.
    /// </summary>
    private static string StripBenignPrefixes(string text, List<string> benign)
    {
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in benign)
            {
                if (text.Length > prefix.Length + 10 && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    text = text[prefix.Length..].TrimStart(' ', '.', '?', '!', '\n');
                    stripped = true;
                    break;
                }
            }
        }

        return text;
    }

    public TrainingSet Context()
    {
        var set = new TrainingSet([], [], []);
        foreach (var row in Train("bipia-train.jsonl", set))
        {
            if (row.Kind == "indirect_payload")
            {
                Add(set, row.Text, 1, row.Text, SegmentFeatures(TextNormalizer.Normalize(row.Text).Folded).Select(s => s.Features));
                continue;
            }

            if (row.Kind == "indirect" && row.Task == "code")
            {
                // Only the attack's instruction lines: its code lines look like any other code, and labelling them
                // positive would teach the model that "import requests" is an attack.
                AddCodeAttack(set, row);
                continue;
            }

            var folded = TextNormalizer.Normalize(row.Text).Folded;
            var attack = row.AttackString is null ? null : Collapse(TextNormalizer.Normalize(row.AttackString).Folded);
            var group = row.Label == 0 ? "chunk:" + row.Id : row.Id!;
            set.Texts.Add(row.Text);
            foreach (var (text, features) in SegmentFeatures(folded))
            {
                if (attack is null)
                {
                    set.Examples.Add(new Example(features, 0, 1, group, $"[{LastTraits}] {text}"));
                }
                else if (attack.Contains(Collapse(text), StringComparison.Ordinal))
                {
                    set.Examples.Add(new Example(features, 1, 1, group, text));
                }
            }
        }

        foreach (var row in Train("deepset-train.jsonl", set).Where(r => r.Label == 1))
        {
            Add(set, row.Text, 1, row.Text, WholeText(row.Text));
        }

        return Weighted(set);
    }

    private List<LabeledText> Train(string file, TrainingSet set)
    {
        var path = Path.Combine(dataDirectory, file);
        set.Sources.Add($"{file} sha256={Sha256(path)}");
        return [.. JsonlReader.Read(path).Where(r => DataSplit.Side(r) == SplitSide.Train)];
    }

    private IEnumerable<int[]> WholeText(string text)
    {
        var features = new FeatureVector();
        _featurizer.Featurize(TextNormalizer.Normalize(text).Folded, features);
        yield return features.ToArray();
    }

    private IEnumerable<(string Text, int[] Features)> SegmentFeatures(string folded)
    {
        foreach (var segment in ChunkSegmenter.Segment(folded))
        {
            var features = new FeatureVector();
            InjectionClassifier.FeaturizeSegment(_featurizer, folded, segment, features);
            yield return (folded.Substring(segment.Start, segment.Length), features.ToArray());
            LastTraits = segment.Traits;
        }
    }

    private static void Add(TrainingSet set, string text, int label, string group, IEnumerable<int[]> examples)
    {
        set.Texts.Add(text);
        foreach (var features in examples)
        {
            set.Examples.Add(new Example(features, label, 1, group, text));
        }
    }

    private void AddCodeAttack(TrainingSet set, LabeledText row)
    {
        set.Texts.Add(row.Text);
        var instruction = Collapse(TextNormalizer.Normalize(row.AttackString!.Split("```")[0]).Folded);
        var folded = TextNormalizer.Normalize(row.Text).Folded;
        foreach (var (text, features) in SegmentFeatures(folded))
        {
            if (instruction.Length > 0 && instruction.Contains(Collapse(text), StringComparison.Ordinal))
            {
                set.Examples.Add(new Example(features, 1, 1, row.Id!, text));
            }
        }
    }

    /// <summary>Balances the classes: positives weighted by the ratio of negatives to positives.</summary>
    private static TrainingSet Weighted(TrainingSet set)
    {
        var positives = set.Examples.Count(e => e.Label == 1);
        var negatives = set.Examples.Count - positives;
        var weight = positives == 0 ? 1 : Math.Max(1, (double)negatives / positives);
        for (var i = 0; i < set.Examples.Count; i++)
        {
            if (set.Examples[i].Label == 1)
            {
                set.Examples[i] = set.Examples[i] with { Weight = weight };
            }
        }

        return set;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
