namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>Jailbreak framings: DAN and its kin, "developer mode", personas without restrictions or ethics.</summary>
internal static class JailbreakPatterns
{
    private const string Reason = "Jailbreak framing: asks the model to drop its restrictions";

    private const string AiNoun = "(?:ai|assistant|chatbot|bot|model|llm|gpt|chatgpt|version|persona|character|language model|ki)";

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(0.95, ["do anything now"], @"\bdo anything now\b"),
        Rule(0.9, ["dan"],
            @"\bdan(?: mode| prompt| jailbreak|\s*\d+(?:\.\d+)?\b)|\b(?:as|called|named|known as|act as|you are|be) dan\b"),
        Rule(0.9, ["mode"],
            @"\b(?:developer|dev|god|jailbreak|jailbroken|dan|unrestricted|unfiltered|uncensored|evil|opposite|chaos|stan|dude|aim) mode (?:enabled|activated|on|output|response)\b|\b(?:chatgpt|gpt|ai|assistant|model|you)\b(?:\s+\S+){0,5}?\s+(?:developer|god|jailbreak|unrestricted|unfiltered|uncensored|evil|opposite) mode\b"),
        Rule(0.85, ["jailbr"],
            @"\bjailbr\w+\s+(?:mode|prompt|version|ai|chatgpt|gpt|you|the (?:model|ai|assistant))\b|\b(?:you|chatgpt|assistant|ai|model)\s+(?:are|is)\s+(?:now\s+)?jailbroken\b"),
        Rule(0.9, ["guideline", "filter", "polic", "restriction", "limitation", "safeguard", "guardrail", "principle", "ethic", "moral", "censor"],
            @"\b(?:ignore|bypass|disregard|forget|circumvent|override)\s+(?:all\s+|any\s+|your\s+|the\s+|its\s+)*(?:safety|content|ethical|moral|openai|anthropic|usage)?\s*(?:guidelines|filters?|policies|policy|restrictions|limitations|safeguards|guardrails|principles|ethics|morals|censorship)\b|\b(?:disable|remove|violate|break|turn off)\s+(?:all\s+|any\s+|your\s+|the\s+|its\s+)*(?:safety|content|ethical|moral|openai|anthropic|usage)\s+(?:guidelines|filters?|policies|policy|restrictions|safeguards|guardrails)\b"),
        Rule(0.85, ["restriction", "limitation", "filter", "censorship", "guideline", "rules", "boundar", "constraint", "ethic", "moral", "principle", "limits"],
            $@"\b{AiNoun}\b(?:\s+\S+){{0,6}}?\s+(?:without|with no|free (?:of|from)|(?:no longer|not) (?:bound|restricted|limited) by|has no|have no|doesn't have|does not have)\s+(?:any\s+)?(?:ethical\s+|moral\s+|content\s+|safety\s+|programming\s+)?(?:restrictions|limitations|filters|censorship|guidelines|rules|boundaries|constraints|ethics|morals|principles|limits)\b"),
        Rule(0.85, ["evil", "uncensored", "unfiltered", "unrestricted", "amoral", "immoral", "unethical", "rogue", "malicious", "jailbroken", "unbound", "unchained", "unlocked", "bose", "unzensiert"],
            $@"\b(?:evil|uncensored|unfiltered|unrestricted|amoral|immoral|unethical|rogue|malicious|jailbroken|unbound|unchained|unlocked|bose|boshafte|unzensierte|uneingeschrankte)\s+{AiNoun}\b"),
        Rule(0.8, ["immoral", "amoral", "unethical", "unfiltered", "uncensored"],
            @"\b(?:completely|totally|fully|entirely) (?:immoral|amoral|unethical|unfiltered|uncensored)\b"),
        Rule(0.7, ["openai", "anthropic"],
            @"\b(?:openai|anthropic)(?:'s)? (?:content |usage )?polic(?:y|ies)\b"),
        Rule(0.75, ["hypothetical", "theoretical"],
            @"\b(?:hypothetical(?:ly)?|theoretical(?:ly)?)\b(?:\s+\S+){0,12}?\s+(?:no|without|free of) (?:rules|restrictions|limits|ethics|morals|filters)\b|\b(?:completely )?theoretical world where you\b"),
        Rule(0.8, ["ohne", "keine"],
            @"\b(?:ki|assistent\w*|modell|chatbot)\b(?:\s+\S+){0,6}?\s+(?:ohne|keine)\s+(?:jegliche\s+)?(?:ethische\s+|moralische\s+)?(?:einschrankungen|beschrankungen|filter|zensur|regeln|grenzen)\b"),
        Rule(0.8, ["sans", "sin ", "ninguna", "aucune"],
            @"\b(?:ia|assistant|modele|modelo|asistente|chatbot)\b(?:\s+\S+){0,6}?\s+(?:sans|aucune|sin|ninguna)\s+(?:restrictions?|limites?|filtres?|censure|restricciones|limitaciones|filtros|censura|reglas|regles)\b"),
    ];

    private static PatternRule Rule(double score, string[] triggers, string pattern) =>
        new(RuleIds.Jailbreak, score, Reason, Rails.InputAndContext, PatternView.Folded, triggers, pattern);
}
