using static SecureRag.Guardrail.Domain.Detectors.PatternParts;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>System-prompt extraction: "print your instructions", "repeat everything above", in several languages.</summary>
internal static class ExtractionPatterns
{
    private const string Reason = "Asks the model to reveal its system prompt or instructions";

    private const string Verb = "(?:reveal|show|print|display|output|repeat|recite|echo|tell|give|share|list|write|spell|leak|dump|expose|paste|copy|provide|return|state|type|read|summari[sz]e|translate|disclose|divulge)";
    private const string Qualifier = "(?:system|initial|original|hidden|secret|internal|developer|starting|first|full|complete|entire|exact|whole|verbatim|confidential|pre-?)";

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(0.9, ["prompt"],
            $@"(?<=\b{Verb}\b{Gap(3)}(?:your|the|its|my)\s+(?:{Qualifier}\s+){{0,2}}(?:system\s+)?)prompt(?:s|[- ]?texts?)?\b"),
        Rule(0.85, Combine(["your ", "ur "], ["instructions", "rules", "guidelines", "directives", "configuration", "programming", "initial", "first", "prompt", "system", "hidden", "secret", "original", "full", "complete", "entire", "exact", "whole", "verbatim", "confidential", "internal", "developer", "starting", "pre"]),
            $@"\b{Verb}\b{Gap(3)}(?:all\s+)?(?:of\s+)?(?:your|ur)\s+(?:{Qualifier}\s+)?(?:instructions|rules|guidelines|directives|configuration|programming|initial message|first message|prompts?|prompt[- ]?texts?)\b"),
        Rule(0.9, ["system prompt", "initial prompt", "original prompt", "hidden prompt", "secret prompt", "pre-prompt", "preprompt", "system message", "system instructions"],
            $@"\b{Verb}\b{Gap(4)}(?:\S+\s+)?(?:system|initial|original|hidden|secret|pre-?)\s*(?:prompt|message|instructions)\b"),
        Rule(0.85, [.. Combine(["are ", "were ", "is ", "was "], ["your", "the system", "the initial", "the original", "the hidden", "the secret", "the internal", "the developer", "the full", "the complete", "the exact", "the first", "the starting"])],
            $@"\b(?:what|which)\s+(?:are|were|is|was)\s+(?:your|the\s+{Qualifier})\s+(?:{Qualifier}\s+)?(?:instructions|prompt|rules|guidelines|directives)\b"),
        Rule(0.85, [.. Combine(["everything ", "all ", "text ", "words ", "content ", "lines ", "sentences ", "message ", "messages ", "prompt ", "instructions "], ["above", "before", "prior", "preceding", "so far", "until now", "from the"])],
            @"\b(?:repeat|print|output|show|write|type|recite|copy|echo|return|display)\b(?:\s+\S+){0,2}?\s+(?:everything|all|the (?:text|words|content|lines|sentences|messages?|prompt|instructions))\s+(?:above|before|prior|preceding|so far|until now|from the (?:start|beginning))\b"),
        Rule(0.85, ["written", "said", "stated", "typed"],
            @"\bwhat (?:was|is|has been|were) (?:written|said|stated|typed) (?:above|before|earlier|at the (?:beginning|start|top))\b"),
        Rule(0.75, ["beginning of", "start of"],
            @"\b(?:beginning|start) of (?:this|the|your) (?:prompt|conversation|instructions|context)\b"),
        Rule(0.7, ["sentences before", "text above", "words above", "lines above"],
            @"\b(?:sentences?|words|lines) before the text\b|\b(?:the )?(?:text|words|lines) above (?:this|my)\b"),
        Rule(0.75, ["information in the prompt", "information from the prompt"],
            @"\b(?:use|using) (?:also |the )?information (?:in|from) the prompt\b"),
        Rule(0.9, ["prompt", "anweisung", "instruktion", "vorgabe", "systemprompt", "systemanweisung", "prompttext"],
            @"\b(?:zeig\w*|gib|gebe|geben|nenn\w*|verrat\w*|wiederhol\w*|ausgeb\w*|druck\w*|schreib\w*|kopie|vorzeigen|offenleg\w*|teil\w*)\b(?:\s+\S+){0,4}?\s+(?:prompt[- ]?texte?s?|system[- ]?prompts?|(?:deine|ihre|eure|deinen|ihren|samtliche|alle deine|alle ihre|die ursprunglichen|die anfanglichen|die geheimen|die versteckten)\s+(?:prompts?|anweisungen|instruktionen|vorgaben|regeln|systemanweisungen))\b"),
        Rule(0.85, ["oben", "anfang", "beginn"],
            @"\bwas (?:steht|stand|wurde) (?:\S+\s+)?(?:oben|am anfang|zu beginn|ganz oben)\b"),
        Rule(0.9, ["prompt", "instruction", "consigne", "regle", "directive"],
            @"\b(?:revele\w*|montre\w*|affiche\w*|repete\w*|donne\w*|ecri\w*|imprime\w*|dis|dites|communique\w*|partage\w*)\b(?:-moi)?(?:\s+\S+){0,3}?\s+(?:(?:ton|tes|votre|vos)\s+(?:prompt|instructions|consignes|regles|directives)|(?:le|les)\s+(?:prompt|instructions|consignes)\s+(?:systeme|initiales?|d'origine|originales?|cachees?|secretes?)|(?:le )?prompt systeme)\b"),
        Rule(0.9, ["prompt", "instruccion", "indicacion", "regla", "directriz", "directrices"],
            @"\b(?:revela\w*|muestra\w*|muestre\w*|imprime|imprima|repite|repita|dime|digame|ensena\w*|escribe|escriba|dame|deme|comparte|comparta)\b(?:\s+\S+){0,3}?\s+(?:(?:tus|sus|tu|su)\s+(?:\S+\s+)?(?:prompt|instrucciones|indicaciones|reglas|directrices)|(?:el|las)\s+(?:prompt|instrucciones)\s+(?:del sistema|iniciales|originales|ocultas|secretas))\b"),
    ];

    private static PatternRule Rule(double score, string[] triggers, string pattern) =>
        new(RuleIds.Extraction, score, Reason, Rails.InputAndContext, PatternView.Folded, triggers, pattern);
}
