namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// The strongest Latin-script phrasings matched on the squashed view, where spaces, punctuation and line breaks are
/// gone: "ig nore prev-ious\ninstruc tions" reads "ignorepreviousinstructions". Only long, unambiguous phrases, since
/// word boundaries are lost.
/// </summary>
internal static class SquashedPatterns
{
    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(RuleIds.Override, 0.9, "Asks the model to ignore or replace its instructions (after removing spacing)",
            ["ignor", "disregard", "forget", "bypass", "override"],
            "(?:ignore|disregard|forget|bypass|override)(?:all|any|every)?(?:of)?(?:the|your|my|these|those)?(?:previous|prior|above|preceding|earlier|initial|original|system|former)(?:instructions?|rules|prompts?|directions|commands|orders|guidelines|context|tasks)|(?:ignore|disregard|forget)(?:all|any)(?:of)?(?:your|the)?(?:instructions|rules|guidelines)|(?:ignore|disregard|forget)your(?:instructions|rules|guidelines|programming)"),
        Rule(RuleIds.Override, 0.9, "Asks the model to ignore or replace its instructions (after removing spacing)",
            ["ignorier", "vergiss", "vergessen", "oubli", "ignorez", "olvid", "ignora"],
            "(?:ignoriere|ignorieren|ignoriert|vergiss|vergessen)(?:sie)?(?:alle|die|deine|ihre)(?:vorherigen|bisherigen|obigen|vorangegangenen|vorangehenden)?(?:anweisungen|instruktionen|befehle|aufgaben|regeln)|vergissalles|(?:ignore|ignorez|oublie|oubliez)(?:toutes|tous)?(?:les|tes|vos)(?:instructions|consignes|regles)|(?:ignora|olvida|olvide)(?:todas)?(?:las|tus|sus)(?:instrucciones|reglas|indicaciones)"),
        Rule(RuleIds.Extraction, 0.85, "Asks the model to reveal its system prompt or instructions (after removing spacing)",
            ["prompt", "instructions"],
            "(?:reveal|show|print|display|output|repeat|tell|give)(?:me)?(?:your|the)(?:system|initial|original|hidden|secret|full)?prompt|(?:reveal|print|repeat|show)(?:me)?your(?:system)?instructions"),
        Rule(RuleIds.Jailbreak, 0.9, "Jailbreak framing: asks the model to drop its restrictions (after removing spacing)",
            ["doanything", "modeenabled"],
            "doanythingnow|(?:developer|jailbreak|dan|god)modeenabled"),
    ];

    private static PatternRule Rule(string ruleId, double score, string reason, string[] triggers, string pattern) =>
        new(ruleId, score, reason, Rails.InputAndContext, PatternView.Squashed, triggers, pattern);
}
