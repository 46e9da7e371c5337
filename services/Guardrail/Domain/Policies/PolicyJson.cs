using System.Text;
using System.Text.Json;

namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>Writes an effective policy as a complete document (every rule with its action and threshold).</summary>
public static class PolicyJson
{
    public static string Write(GuardrailPolicy policy)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            WriteRail(writer, "input", RailKind.Input, policy.Input, w =>
            {
                w.WriteNumber("maxChars", policy.Input.MaxChars);
                w.WriteStartArray("topics");
                foreach (var topic in policy.Input.Topics)
                {
                    w.WriteStringValue(topic);
                }

                w.WriteEndArray();
            });
            WriteRail(writer, "context", RailKind.Context, policy.Context,
                w => w.WriteString("onBlock", policy.Context.OnBlock == ChunkDisposition.Quarantine ? "quarantine" : "drop"));
            WriteRail(writer, "output", RailKind.Output, policy.Output, _ => { });
            writer.WriteStartObject("audit");
            writer.WriteString("text", policy.AuditText.ToString().ToLowerInvariant());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRail(Utf8JsonWriter writer, string name, RailKind rail, RailPolicy policy, Action<Utf8JsonWriter> options)
    {
        writer.WriteStartObject(name);
        options(writer);
        writer.WriteStartObject("rules");
        foreach (var definition in RuleCatalog.For(rail))
        {
            var setting = policy[definition.Id];
            writer.WriteStartObject(definition.Id);
            writer.WriteString("action", setting.Action.ToString().ToLowerInvariant());
            writer.WriteNumber("threshold", setting.Threshold);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
