using System.Text.Json;

namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>Reads one rail's section of a policy document: its rules and its own options.</summary>
internal static class RailReader
{
    public static RailPolicy Read(RailKind rail, JsonElement element, string path, List<PolicyProblem> problems)
    {
        var catalog = RuleCatalog.For(rail).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rules = RuleCatalog.Defaults(rail).ToDictionary(StringComparer.Ordinal);
        var policy = GuardrailPolicy.Default.For(rail);
        foreach (var option in PolicyParser.Properties(element, path, problems))
        {
            var optionPath = $"{path}.{option.Name}";
            switch ((rail, option.Name))
            {
                case (_, "rules"):
                    ReadRules(rail, catalog, rules, option.Value, optionPath, problems);
                    break;
                case (RailKind.Input, "maxChars"):
                    policy = policy with { MaxChars = ReadMaxChars(option.Value, optionPath, problems) };
                    break;
                case (RailKind.Input, "topics"):
                    policy = policy with { Topics = ReadTopics(option.Value, optionPath, problems) };
                    break;
                case (RailKind.Context, "onBlock"):
                    policy = policy with { OnBlock = ReadOnBlock(option.Value, optionPath, problems) };
                    break;
                default:
                    problems.Add(new(optionPath, $"Unknown option for the {Name(rail)} rail; expected {Expected(rail)}."));
                    break;
            }
        }

        return policy with { Rules = rules };
    }

    private static void ReadRules(
        RailKind rail,
        Dictionary<string, RuleDefinition> catalog,
        Dictionary<string, RuleSetting> rules,
        JsonElement element,
        string path,
        List<PolicyProblem> problems)
    {
        foreach (var rule in PolicyParser.Properties(element, path, problems))
        {
            var rulePath = $"{path}['{rule.Name}']";
            if (!catalog.TryGetValue(rule.Name, out var definition))
            {
                problems.Add(new(rulePath, $"Unknown rule on the {Name(rail)} rail; known rules: {string.Join(", ", catalog.Keys)}."));
                continue;
            }

            rules[rule.Name] = ReadSetting(definition, rule.Value, rulePath, problems);
        }
    }

    /// <summary>A rule is either an action ("block") or an object with an action and/or a threshold.</summary>
    private static RuleSetting ReadSetting(RuleDefinition definition, JsonElement element, string path, List<PolicyProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return definition.Default with { Action = ReadAction(definition, element, path, problems) };
        }

        var setting = definition.Default;
        foreach (var property in PolicyParser.Properties(element, path, problems))
        {
            var propertyPath = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "action":
                    setting = setting with { Action = ReadAction(definition, property.Value, propertyPath, problems) };
                    break;
                case "threshold":
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var threshold)
                        || threshold is < 0 or > 1 || double.IsNaN(threshold))
                    {
                        problems.Add(new(propertyPath, "Expected a number from 0 to 1."));
                        break;
                    }

                    setting = setting with { Threshold = threshold };
                    break;
                default:
                    problems.Add(new(propertyPath, "Unknown option; expected action or threshold."));
                    break;
            }
        }

        return setting;
    }

    private static GuardAction ReadAction(RuleDefinition definition, JsonElement element, string path, List<PolicyProblem> problems)
    {
        GuardAction? action = element.ValueKind == JsonValueKind.String ? element.GetString() switch
        {
            "allow" => GuardAction.Allow,
            "flag" => GuardAction.Flag,
            "redact" => GuardAction.Redact,
            "block" => GuardAction.Block,
            _ => null,
        } : null;

        if (action is null)
        {
            problems.Add(new(path, "Expected \"allow\", \"flag\", \"redact\" or \"block\"."));
            return definition.DefaultAction;
        }

        if (action == GuardAction.Redact && !definition.CanRedact)
        {
            problems.Add(new(path, $"Rule '{definition.Id}' finds nothing to redact; use allow, flag or block."));
            return definition.DefaultAction;
        }

        return action.Value;
    }

    private static int ReadMaxChars(JsonElement element, string path, List<PolicyProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value is >= 1 and <= PolicyParser.MaxPromptChars)
        {
            return value;
        }

        problems.Add(new(path, $"Expected a whole number from 1 to {PolicyParser.MaxPromptChars}."));
        return GuardrailPolicy.DefaultMaxChars;
    }

    private static IReadOnlyList<string> ReadTopics(JsonElement element, string path, List<PolicyProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(path, $"Expected an array of strings, found {PolicyParser.Describe(element)}."));
            return [];
        }

        var topics = new List<string>();
        var index = 0;
        foreach (var topic in element.EnumerateArray())
        {
            var topicPath = $"{path}[{index++}]";
            var text = topic.ValueKind == JsonValueKind.String ? topic.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(text) || text.Length > PolicyParser.MaxTopicChars)
            {
                problems.Add(new(topicPath, $"Expected a non-empty string of at most {PolicyParser.MaxTopicChars} characters."));
                continue;
            }

            topics.Add(text);
        }

        if (topics.Count > PolicyParser.MaxTopics)
        {
            problems.Add(new(path, $"At most {PolicyParser.MaxTopics} topics."));
        }

        return topics;
    }

    private static ChunkDisposition ReadOnBlock(JsonElement element, string path, List<PolicyProblem> problems)
    {
        switch (element.ValueKind == JsonValueKind.String ? element.GetString() : null)
        {
            case "drop":
                return ChunkDisposition.Drop;
            case "quarantine":
                return ChunkDisposition.Quarantine;
            default:
                problems.Add(new(path, "Expected \"drop\" or \"quarantine\"."));
                return ChunkDisposition.Drop;
        }
    }

    private static string Name(RailKind rail) => rail.ToString().ToLowerInvariant();

    private static string Expected(RailKind rail) => rail switch
    {
        RailKind.Input => "rules, maxChars or topics",
        RailKind.Context => "rules or onBlock",
        _ => "rules",
    };
}
