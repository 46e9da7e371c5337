using System.Text.Json.Nodes;

namespace SecureRag.Inference.Tests.Fakes;

public sealed record RecordedRequest(string Kind, string Model, string Body, string Authorization)
{
    public JsonArray Messages => JsonNode.Parse(Body)!["messages"]!.AsArray();

    /// <summary>A message's text, whether the client sent a string or content parts.</summary>
    public static string Text(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>() ?? "")),
        var content => content!.GetValue<string>(),
    };
}
