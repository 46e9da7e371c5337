using static SecureRag.Guardrail.Domain.Detectors.PatternParts;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Role switching: asking the model to become someone else ("you are now", "act as", "pretend to be"). Weaker
/// evidence than an override: ordinary prompts use some of these framings, so scores stay below the jailbreak rules.
/// </summary>
internal static class RolePlayPatterns
{
    private const string Reason = "Asks the model to take on another role or persona";

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(0.75, ["you are now", "you're now"],
            @"\b(?:you are|you're) now\b(?! (?:able|ready|logged|subscribed|registered|connected|signed|enrolled|eligible|on|in|at|using|viewing|reading|leaving))"),
        Rule(0.8, ["from now on", "henceforth", "starting now", "rest of this conversation", "rest of our conversation"],
            @"\b(?:from now on|henceforth|starting now|for the rest of (?:this|our) conversation),?\s+(?:you|your|act|pretend|respond|answer|always|only|ignore|forget|reply|speak|behave|be|stay)\b"),
        Rule(0.75, ["act as", "to act as"],
            @"\bi (?:want|would like|need) you to act (?:as|like)\b"),
        Rule(0.6, ["act as", "act like"],
            @"(?:^|[.!?:]\s*|\b(?:please|now|just)\s+)act (?:as|like) (?:a|an|the|my|if)\b"),
        Rule(0.7, ["pretend"],
            @"\bpretend (?:to be|that you(?:'re| are)|you(?:'re| are)|you can|you have)\b"),
        Rule(0.6, ["imagine"],
            @"\bimagine (?:that )?you(?:'re| are) (?:a|an|the)\b"),
        Rule(0.7, ["role-play", "roleplay", "role play"],
            @"\b(?:you are |you're )?(?:role-?play(?:ing)?|role play(?:ing)?) as\b|\blet'?s (?:role-?play|play a game)\b"),
        Rule(0.8, ["character", "your role", "in role"],
            @"\b(?:stay|remain|always stay|keep) (?:fully |completely )?in (?:character|(?:your|their|his|her) roles?)\b|\b(?:don't|do not|never) break character\b|\bcompletely absorbed in your role\b"),
        Rule(0.7, ["the role of", "the persona of", "the identity of"],
            @"\b(?:assume|adopt|take on|play) the (?:role|persona|identity) of\b"),
        Rule(0.7, ["immerse"],
            @"\bimmerse yourself\b"),
        Rule(0.85, ["no longer", "not an ai", "not a language model"],
            @"\b(?:you are|you're) (?:no longer|not) (?:an? )?(?:ai|assistant|chatbot|language model|chatgpt|bound|restricted|limited)\b"),
        Rule(0.6, ["you are"],
            @"(?:^|[.!?]\s*)you are (?:(?:a|an|the)\s+)?(?!(?:right|correct|welcome|wrong|not|so|very|too|a bit|amazing|great|helpful|the best)\b)\S+(?:\s+\S+){0,4}[.,]\s+(?:what|how|why|as|tell|do|answer|write|wer|was|wie)\b"),
        Rule(0.6, ["du bist"],
            @"(?:^|[.!?]\s*)du bist (?!(?:ja|so|sehr|zu|nicht|gut|toll|super)\b)\S+(?:\s+\S+){0,4}[.,]\s+(?:wie|was|warum|wer|sag|schreib|erklar)\w*\b"),
        Rule(0.75, ["now you are", "now you're", "now, you are"],
            @"\b(?:now|okay now|ok now),? you(?: are|'re)\b(?! (?:able|ready|logged|subscribed|registered|connected|signed|enrolled|eligible|done|finished|all set)\b)"),
        Rule(0.75, ["du bist", "sie sind", "bist du", "sind sie"],
            @"\b(?:(?:du bist|sie sind) (?:jetzt|nun|ab jetzt|ab sofort|von nun an)|(?:jetzt|nun|ab jetzt|ab sofort|von nun an) (?:bist du|sind sie))\b"),
        Rule(0.7, ["so als", "so, als", "stell dir vor", "stellen sie sich vor"],
            @"\b(?:tu|tun sie|tue) so,? als\b|\bstell(?:en sie)? (?:dir|sich) vor,? (?:du bist|du warst|sie sind|sie waren|du seist)\b"),
        Rule(0.75, ["fungier", "agier", "auftreten"],
            @"\b(?:als|wie)\s+\S+(?:\s+\S+){0,4}?\s+(?:fungieren|fungierst|agieren|agierst|auftreten|auftrittst)\b"),
        Rule(0.65, ["rolle"],
            @"\b(?:in (?:deiner|ihrer) rolle|die rolle (?:des|der|eines|einer) \S+ (?:spielen|ubernehmen)|gehst (?:\S+\s+)?in deiner rolle auf)\b"),
        Rule(0.7, ["tu es ", "vous etes ", "semblant", "agis ", "agissez ", "comporte-toi", "comportez-vous", "le role", "a partir de maintenant"],
            @"\b(?:tu es|vous etes) (?:maintenant|desormais|a present)\b|\b(?:fais|faites) semblant (?:d'etre|que)\b|\b(?:agis|agissez|comporte-toi|comportez-vous) (?:comme|en tant que)\b|\b(?:joue|jouez) le role\b|\ba partir de maintenant,? (?:tu|vous)\b"),
        Rule(0.7, ["ahora eres", "ahora es usted", "ahora seras", "actua como", "actue como", "comportate como", "finge", "finja", "pretende ", "de cuenta", "el papel", "a partir de ahora"],
            @"\bahora (?:eres|es usted|seras)\b|\b(?:actua|actue|comportate) como\b|\b(?:finge|finja|pretende|haz de cuenta) (?:ser|que eres|que es)\b|\ba partir de ahora,? (?:eres|tu|vas a|debes)\b|\b(?:juega|interpreta) el papel\b"),
    ];

    private static PatternRule Rule(double score, string[] triggers, string pattern) =>
        new(RuleIds.RolePlay, score, Reason, Rails.InputAndContext, PatternView.Folded, triggers, pattern);
}
