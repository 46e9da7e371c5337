using static SecureRag.Guardrail.Domain.Detectors.PatternParts;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Fake system or developer messages and delimiter tricks: chat-template tokens, "### System:" headers, "end of
/// input" markers, fabricated conversation turns.
/// </summary>
internal static class DelimiterPatterns
{
    private const string Reason = "Fake system message, chat-template token or delimiter trick";

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(0.95, ["<|", "<<sys", "[inst", "[/inst"],
            @"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text)\|>|<</?sys>>|\[/?inst\]"),
        Rule(0.85, Combine(["system ", "developer ", "admin ", "administrator ", "operator "], ["prompt", "message", "instruction", "note", "override", "update", "command", "notice"]),
            @"(?<=(?:^|\n)\s*(?:#{1,4}\s*|\*\*|\[|<|-{2,}\s*)?)(?:system|developer|admin|administrator|operator)\s+(?:prompt|message|instructions?|note|override|update|command|notice)\s*(?:\*\*|\]|>)?\s*:"),
        Rule(0.8, ["[system", "[developer", "[admin", "<system", "<developer", "<admin", "</system", "</developer", "</admin", "<instruction", "</instruction", "##system", "## system", "##developer", "## developer", "##admin", "## admin", "##instruction", "## instruction", "##new instruction", "## new instruction"],
            @"(?<=(?:^|\n)\s*)(?:\[(?:system|developer|admin)\]|<(?:system|developer|admin)>|#{2,4}\s*(?:system|developer|admin|instructions?|new instructions?)\b)|</?(?:system|instructions?|admin|developer)(?:_prompt|_message)?>"),
        Rule(0.8, [.. Combine(["end of ", "end of the ", "end of user ", "end of the user ", "end of user's ", "end of the user's "], ["input", "prompt", "context", "document", "conversation", "instructions", "system prompt", "data", "email", "text", "user"]), .. Combine(["new ", "real ", "actual ", "updated "], ["instructions", "prompt", "session", "conversation", "task"])],
            @"\bend of (?:the )?(?:user(?:'s)? )?(?:input|prompt|context|document|conversation|instructions|system prompt|data|email|text)\b(?!\s+(?:file|stream|line|month|year|day|week|the))|\b(?:begin|start)(?:ning)?(?: of)? (?:the )?(?:new|real|actual|updated) (?:instructions|prompt|session|conversation|task)\b"),
        Rule(0.9, ["---", "===", "***"],
            @"(?:-{3,}|={3,}|\*{3,})\s*(?:new|updated|real|actual|override) (?:instructions|rules|task|prompt)\b"),
        Rule(0.7, ["assistant:", "ai:", "chatgpt:", "gpt:", "bot:", "model:"],
            @"(?<=(?:^|\n)\s*)(?:assistant|ai|chatgpt|gpt|bot|model)\s*:\s*\S"),
        Rule(0.8, ["human:", "user:"],
            @"\b(?:human|user)\s*:\s*(?:human|user)\s*:|(?:^|\n)\s*(?:human|user)\s*:.{0,400}\n\s*(?:assistant|ai)\s*:"),
        Rule(0.85, ["\"role\"", "'role'"],
            @"[""']role[""']\s*:\s*[""'](?:system|developer)[""']"),
        Rule(0.45, ["system:", "system :"],
            @"(?<=(?:^|\n)\s*)system\s*:"),
        Rule(0.75, ["instruction:", "instruction :", "anweisung:"],
            @"(?:\\n|\n)\s*(?:instruction|anweisung|new instruction)\s*:"),
        Rule(0.7, ["$documents", "document context", "context:{", "kontext:{", "$context"],
            @"\$documents\s*:|\bdocument context\s*[""']|\b(?:context|kontext)\s*:\s*\{|\$context\b"),
    ];

    private static PatternRule Rule(double score, string[] triggers, string pattern) =>
        new(RuleIds.Delimiter, score, Reason, Rails.InputAndContext, PatternView.Folded, triggers, pattern);
}
