using System.Text.Json;

namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>
/// Reads and validates a policy document, collecting every problem with its path rather than stopping at the first.
/// Unknown sections, options and rule ids are errors (a typo must not silently fall back to a default), as are actions
/// a rule cannot take (only personal-data and secret rules can redact) and thresholds outside [0, 1].
/// </summary>
public static class PolicyParser
{
    public const int MaxDocumentChars = 64 * 1024;
    public const int MaxTopics = 100;
    public const int MaxTopicChars = 200;

    /// <summary>The largest maxChars a policy may set: the service's hard limit on a prompt.</summary>
    public const int MaxPromptChars = 262_144;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static PolicyParseResult Parse(string json)
    {
        var problems = new List<PolicyProblem>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return Invalid("$", "The policy is empty; send a JSON object ({} applies every default).");
        }

        if (json.Length > MaxDocumentChars)
        {
            return Invalid("$", $"The policy is {json.Length} characters; the limit is {MaxDocumentChars}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            return Invalid("$", $"Not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("$", "The policy must be a JSON object.");
            }

            var defaults = GuardrailPolicy.Default;
            var input = defaults.Input;
            var context = defaults.Context;
            var output = defaults.Output;
            var audit = defaults.AuditText;
            foreach (var section in Properties(root, "$", problems))
            {
                var path = $"$.{section.Name}";
                switch (section.Name)
                {
                    case "input":
                        input = RailReader.Read(RailKind.Input, section.Value, path, problems);
                        break;
                    case "context":
                        context = RailReader.Read(RailKind.Context, section.Value, path, problems);
                        break;
                    case "output":
                        output = RailReader.Read(RailKind.Output, section.Value, path, problems);
                        break;
                    case "audit":
                        audit = ReadAudit(section.Value, path, problems);
                        break;
                    default:
                        problems.Add(new(path, "Unknown section; expected input, context, output or audit."));
                        break;
                }
            }

            return problems.Count == 0
                ? new PolicyParseResult(new GuardrailPolicy(input, context, output, audit), [])
                : new PolicyParseResult(null, problems);
        }
    }

    /// <summary>The object's properties, reporting a non-object and duplicate names.</summary>
    internal static IEnumerable<JsonProperty> Properties(JsonElement element, string path, List<PolicyProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, $"Expected an object, found {Describe(element)}."));
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add(new($"{path}.{property.Name}", "Appears more than once."));
                continue;
            }

            yield return property;
        }
    }

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static AuditTextMode ReadAudit(JsonElement element, string path, List<PolicyProblem> problems)
    {
        var mode = AuditTextMode.Hashed;
        foreach (var property in Properties(element, path, problems))
        {
            if (property.Name != "text")
            {
                problems.Add(new($"{path}.{property.Name}", "Unknown option; expected text."));
                continue;
            }

            mode = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() switch
            {
                "off" => AuditTextMode.Off,
                "hashed" => AuditTextMode.Hashed,
                "full" => AuditTextMode.Full,
                _ => Problem(AuditTextMode.Hashed),
            } : Problem(AuditTextMode.Hashed);
        }

        return mode;

        AuditTextMode Problem(AuditTextMode fallback)
        {
            problems.Add(new($"{path}.text", "Expected \"off\", \"hashed\" or \"full\"."));
            return fallback;
        }
    }

    private static PolicyParseResult Invalid(string path, string message) => new(null, [new PolicyProblem(path, message)]);
}
