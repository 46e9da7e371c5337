namespace SecureRag.Gateway.Query;

/// <summary>
/// The stable reason codes of refused or failed queries (the problem's <c>code</c> and the last part of its
/// <c>type</c>). Clients may branch on them; they say what happened, never which rule or threshold decided it.
/// </summary>
public static class QueryReasons
{
    public const string InvalidRequest = "invalid_request";
    public const string RoleNotAllowed = "role_not_allowed";
    public const string ToolsNotSupported = "tools_not_supported";
    public const string MultipleChoicesNotSupported = "n_not_supported";
    public const string AppNotFound = "app_not_found";
    public const string AppNotPermitted = "app_not_permitted";
    public const string ConversationNotFound = "conversation_not_found";
    public const string QuotaExhausted = "quota_exhausted";
    public const string PromptInjection = "prompt_injection";
    public const string OutOfScope = "out_of_scope";
    public const string PiiBlocked = "pii_blocked";
    public const string SecretBlocked = "secret_blocked";
    public const string PromptTooLong = "prompt_too_long";
    public const string InputBlocked = "input_blocked";
    public const string SystemPromptLeak = "system_prompt_leak";
    public const string UngroundedAnswer = "ungrounded_answer";
    public const string AnswerBlocked = "answer_blocked";
    public const string GuardrailUnavailable = "guardrail_unavailable";
    public const string RetrievalUnavailable = "retrieval_unavailable";
    public const string InferenceUnavailable = "inference_unavailable";

    /// <summary>The reason for a block, from the rule ids of the findings that blocked.</summary>
    public static string ForBlock(IEnumerable<string> blockingRules, bool output)
    {
        var rules = blockingRules.ToList();
        if (rules.Any(r => r.StartsWith("leak.", StringComparison.Ordinal)))
        {
            return SystemPromptLeak;
        }

        if (rules.Any(r => r.StartsWith("injection.", StringComparison.Ordinal) || r.StartsWith("obfuscation.", StringComparison.Ordinal)))
        {
            return PromptInjection;
        }

        if (rules.Any(r => r.StartsWith("pii.", StringComparison.Ordinal)))
        {
            return PiiBlocked;
        }

        if (rules.Any(r => r.StartsWith("secret.", StringComparison.Ordinal)))
        {
            return SecretBlocked;
        }

        if (rules.Contains("topic.scope"))
        {
            return OutOfScope;
        }

        if (rules.Contains("input.length"))
        {
            return PromptTooLong;
        }

        if (rules.Contains("grounding.unsupported"))
        {
            return UngroundedAnswer;
        }

        return output ? AnswerBlocked : InputBlocked;
    }
}
