using SecureRag.Contracts.Guardrail;
using SecureRag.Guardrail.Domain.Scanning;

namespace SecureRag.Guardrail.Grpc;

/// <summary>Refuses unscannable requests with INVALID_ARGUMENT before any work is done.</summary>
internal static class RequestChecks
{
    public static void Check(ScanInputRequest request, GuardrailOptions options)
    {
        Text("prompt", request.Prompt, options);
        if (request.History.Count > options.MaxHistoryTurns)
        {
            throw GuardrailErrors.InvalidArgument($"history has {request.History.Count} turns; the limit is {options.MaxHistoryTurns}.");
        }

        for (var i = 0; i < request.History.Count; i++)
        {
            Text($"history[{i}]", request.History[i], options);
        }

        Total(request.Prompt.Length + request.History.Sum(h => (long)h.Length), options);
    }

    public static void Check(ScanContextRequest request, GuardrailOptions options)
    {
        if (request.Chunks.Count == 0)
        {
            throw GuardrailErrors.InvalidArgument("chunks is empty.");
        }

        if (request.Chunks.Count > options.MaxChunks)
        {
            throw GuardrailErrors.InvalidArgument($"chunks has {request.Chunks.Count} entries; the limit is {options.MaxChunks}.");
        }

        for (var i = 0; i < request.Chunks.Count; i++)
        {
            Text($"chunks[{i}].text", request.Chunks[i].Text, options);
        }

        Total(request.Chunks.Sum(c => (long)c.Text.Length), options);
    }

    public static void Check(ScanOutputRequest request, GuardrailOptions options)
    {
        Text("text", request.Text, options);
        Text("canary_token", request.CanaryToken, options, allowEmpty: true);
        Text("system_prompt", request.SystemPrompt, options, allowEmpty: true);
        if (request.CitedPassages.Count > options.MaxPassages)
        {
            throw GuardrailErrors.InvalidArgument($"cited_passages has {request.CitedPassages.Count} entries; the limit is {options.MaxPassages}.");
        }

        for (var i = 0; i < request.CitedPassages.Count; i++)
        {
            Text($"cited_passages[{i}].text", request.CitedPassages[i].Text, options);
        }

        Total(request.Text.Length + request.SystemPrompt.Length + request.CitedPassages.Sum(p => (long)p.Text.Length), options);
    }

    private static void Text(string field, string text, GuardrailOptions options, bool allowEmpty = false)
    {
        if (TextValidator.Problem(field, text, options.MaxTextChars, allowEmpty) is { } problem)
        {
            throw GuardrailErrors.InvalidArgument(problem);
        }
    }

    private static void Total(long chars, GuardrailOptions options)
    {
        if (chars > options.MaxRequestChars)
        {
            throw GuardrailErrors.InvalidArgument($"The request carries {chars} characters; the limit is {options.MaxRequestChars}.");
        }
    }
}
