using System.Text.Json;

namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>Reads <c>{"text","label",...}</c> lines; other fields are optional.</summary>
public static class JsonlReader
{
    public static List<LabeledText> Read(string path)
    {
        var rows = new List<LabeledText>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            rows.Add(new LabeledText(
                root.GetProperty("text").GetString() ?? "",
                root.TryGetProperty("label", out var label) ? label.GetInt32() : 0,
                String(root, "kind") ?? "",
                String(root, "id"),
                String(root, "attack_str"),
                String(root, "task")));
        }

        return rows;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
