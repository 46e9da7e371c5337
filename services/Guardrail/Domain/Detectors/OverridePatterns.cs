using static SecureRag.Guardrail.Domain.Detectors.PatternParts;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Instruction override: asking the model to ignore, forget or replace the instructions it was given, in English,
/// German, French, Spanish, Italian, Portuguese, Dutch and Russian (Japanese, Chinese and Korean are in
/// <see cref="CjkPatterns"/>).
/// </summary>
internal static class OverridePatterns
{
    private const string Reason = "Asks the model to ignore or replace its instructions";

    private const string Verb = "(?:ignore|ignoring|disregard|disregarding|forget|forgetting|neglect|dismiss|abandon|discard|overlook|bypass|override|overrule|set aside|put aside|throw away|throw out|scrap)";
    private const string Prior = "(?:previous|previously|prior|above|preceding|earlier|initial|original|foregoing|former|old|system|developer|given|provided|your|all (?:of )?(?:your|the|my|these|those|its)|any (?:previous|prior|other))";
    private const string Target = "(?:instructions?|directions?|directives?|rules|prompts?|commands?|orders?|guidelines|guidance|context|tasks?|constraints|messages|restrictions|programming|training|policies|assignments?|information|inputs?|conversation|documents?|articles?|texts?|content|limitations|safeguards)";

    private const string DeVerb = "(?:ignorier\\w*|vergiss|vergesst|vergessen sie|vergessen|missacht\\w*|uberspring\\w*|verwirf|verwerfen sie)";
    private const string DeTarget = "(?:anweisung\\w*|instruktion\\w*|befehl\\w*|aufgabe\\w*|auftrag\\w*|angabe\\w*|informationen|regeln|vorgaben|anordnung\\w*|prompt\\w*|kontext|ausfuhrungen|dokumente|artikel)";

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(0.95, ["ignor", "disregard", "forget", "neglect", "dismiss", "abandon", "discard", "overlook", "bypass", "overr", "aside", "throw", "scrap"],
            $@"{NotNegated}\b{Verb}\b{Gap(3)}{Prior}\b(?:{Gap(2)}|\s+){Target}\b"),
        Rule(0.9, ["ignor", "disregard", "forget"],
            $@"{NotNegated}\b(?:ignore|disregard|forget)\b(?:\s+about)?\s+(?:everything|all(?: of)? (?:that|this|the above|above|before|previous)|the above|above|what (?:i|you were|you've been|you have been|was) (?:said|told|given)|anything (?:before|above|else|you were told)|all that came before)"),
        Rule(0.9, Combine(["new ", "updated ", "different ", "real ", "actual ", "true ", "secret ", "hidden ", "additional ", "further ", "following "], ["instruction", "task", "directive", "orders", "rules", "system prompt"]),
            @"\b(?:new|updated|different|real|actual|true|secret|hidden|additional|further|following) (?:instructions?|tasks?|directives?|orders|rules|system prompt)\s*(?::|follow\b|are\b|is\b|will follow)"),
        Rule(0.9, Combine(["your "], ["new ", "real ", "actual ", "true ", "only ", "next ", "updated "]),
            @"\byour (?:new|real|actual|true|only|next|updated) (?:task|tasks|job|goal|purpose|instructions?|role|mission|objective|directive)s? (?:is|are|will be|from now|now)\b"),
        Rule(0.85, ["new task", "new challenge", "new assignment"],
            @"\b(?:concentrate|focus|move on|continue|start|proceed) (?:\S+\s+){0,2}?(?:on|with) (?:your|the|a|this|my) new (?:task|challenge|assignment)\b"),
        Rule(0.9, Combine(["your ", "the ", "its "], ["instructions", "programming", "system prompt", "rules"]),
            @"\b(?:change|update|replace|overwrite|modify|reset) (?:all )?(?:your|the|its) (?:instructions|programming|system prompt|rules)\b|\byour instructions are now\b"),
        Rule(0.85, ["forget", "ignore", "disregard", "drop", "remove"],
            $@"{NotNegated}\b(?:forget|ignore|disregard)\b(?:\s+about)?\s+(?:all|any|every)\s+(?:of\s+)?(?:your\s+|the\s+)?(?:instructions|rules|prompts|guidelines|assignments|tasks|documents|articles|context)\b|\b(?:drop|remove)\s+all\s+(?:of\s+)?your\s+(?:instructions|rules|prompts|guidelines)\b"),
        Rule(0.85, ["ignore", "forget", "disregard"],
            $@"{NotNegated}\b(?:ignore|forget|disregard) (?:your|all your|all (?:of )?the|the|all) (?:instructions|rules|guidelines|programming|training|prompt)\b"),
        Rule(0.8, Combine(["stop"], [",", ":", "!", " -", "-", " ,", " :", " !"]),
            @"\bstop\s*[,:!\-]+\s*(?:\S+\s+){0,2}?(?:ignore|forget|write|say|print|output|disregard)\b"),
        Rule(0.8, ["document", "article", "context"],
            @"\b(?:do not|don't|dont|don'nt|never) (?:look (?:in|at)|use|answer (?:\S+\s+){0,3}?according to|consult|read|rely on) (?:the |any )?(?:provided |given )?(?:documents|articles|context|sources)\b|\b(?:disregarding|ignoring|without (?:using|looking at)) (?:the |all |any )?(?:provided |given )?(?:documents|articles|context)\b|\bby your own knowledge and not by the (?:articles|documents)\b"),
        Rule(0.8, ["been told", "been instructed"],
            @"\bdespite what you(?:'ve| have)? been (?:told|instructed)\b"),
        Rule(0.8, ["done", "enough", "erledigt", "genug"],
            @"\b(?:that|this|it|das|dies)(?: is|'s| was| ist)? (?:done|enough|erledigt|genug|genugt)\b[.!]?\s+(?:\S+\s+){0,6}?(?:now|nun|jetzt)\b"),
        Rule(0.75, ["challenge", "task", "assignment", "herausforderung", "aufgabe", "tache", "tarea"],
            @"\b(?:new|another|further|different|neue|weitere|andere|nouvelle|autre|nueva|otra) (?:\S+\s+)?(?:challenge|task|assignment|herausforderung|aufgabe|tache|tarea)\b(?:\s+\S+){0,3}?\s+(?:for you|fur dich|fur sie|pour toi|pour vous|para ti)\b|\b(?:i need|ich brauche) (?:your|deine|ihre) (?:help|hilfe) (?:with|bei) (?:another|a further|one more|einer weiteren|einer anderen) (?:task|aufgabe)\b"),
        Rule(0.8, ["attention", "achtung", "warning", "warnung", "important", "wichtig"],
            @"\b(?:attention|achtung|warning|warnung|important|wichtig)\s*[-:!]+\s*(?:stop|stopp|halt)\b"),
        Rule(0.85, ["answer this question", "answer the question", "answer my question"],
            @"\b(?:do not|don't|dont|never) answer (?:this|the|my) question\b"),
        Rule(0.75, Combine(["just ", "only "], ["output", "say", "print", "write", "respond", "answer", "reply"]),
            @"\b(?:just|only) (?:output|say|print|write|respond with|answer with|reply with)\b\s*[:""'“]"),
        Rule(0.7, ["repeat after me"], @"\brepeat after me\b"),
        Rule(0.75, ["additional", "extra", "zusatzliche", "weitere"],
            @"\b(?:additional|extra|zusatzliche|weitere) (?:instructions?|anweisungen?)\s*[-:]"),
        Rule(0.8, ["is said", "is mentioned", "gesagt wird", "you hear", "you see"],
            @"\b(?:when|whenever|if|wenn|sobald)\b.{0,60}\b(?:is said|is mentioned|gesagt wird|you hear|you see)\b.{0,80}\b(?:correct|right|richtige|only) (?:answer|response|antwort|reply)\b"),
        Rule(0.7, ["exploit", "hack", "jailbreak", "ausnutzen", "auszunutzen"],
            @"\b(?:exploit(?:ing)?|hack(?:ing)?|jailbreak(?:ing)?|ausnutzen|auszunutzen|hacken)\b.{0,20}\b(?:ai|ki|llm|language model|chatbot|gpt)[- ]?(?:systems?|systeme|models?|modelle)?\b|\b(?:ai|ki)[- ]systeme? (?:auszunutzen|ausnutzen|zu hacken)\b"),
        Rule(0.65, ["kontext", "context", "artikel", "article", "document", "dokument"],
            @"^\s*(?:kontext|context|artikel|article|document|dokument)\b.{0,100}\b(?:frage|question)\b"),
        Rule(0.9, ["vergiss", "vergess", "ignorier", "missacht", "uberspring", "verwirf", "verwerf"],
            $@"{NotNegated}\b{DeVerb}(?!\s+nicht\b)(?:\s+\S+){{0,4}}?\s+(?:alle|samtliche|die|deine|ihre|eure|jegliche|bisherigen|vorherigen|vorangegangenen|vorangehenden|obigen|fruheren|vorigen)\b(?:\s+\S+){{0,2}}?\s+{DeTarget}"),
        Rule(0.85, ["vergiss", "vergess", "ignorier"],
            @"\b(?:vergiss|vergesst|vergessen sie|ignoriere|ignorieren sie)\s+(?:nun\s+|jetzt\s+|einfach\s+)?(?:alles|das obige|die obigen|alles davor|alles bisherige|alles gesagte|alles vorherige|alles,? was)\b"),
        Rule(0.85, ["ignorieren", "vergessen"],
            @"\b(?:die |alle )?(?:obigen|vorherigen|bisherigen|vorangegangenen) (?:ausfuhrungen|anweisungen|instruktionen|informationen|angaben) (?:ignorieren|vergessen)\b"),
        Rule(0.85, ["abweichend"],
            @"\babweichend (?:zu|von) (?:den |allen )?(?:vorherigen|obigen|bisherigen|vorangegangenen) (?:instruktionen|anweisungen|vorgaben)"),
        Rule(0.85, ["nun folgen", "jetzt folgen", "nun kommen", "jetzt kommen"],
            @"\b(?:nun|jetzt) (?:folgen|kommen) (?:\S+\s+){0,3}?(?:neue|weitere) (?:aufgaben|anweisungen|instruktionen)\b"),
        Rule(0.85, ["aus dem kopf", "hinter sich", "hinter dir"],
            @"\b(?:aus dem kopf (?:zu )?streichen|(?:informationen|anweisungen|aufgaben) hinter (?:sich|dir|euch) (?:zu )?lassen)\b"),
        Rule(0.8, ["irrelevant", "nicht ganz"],
            @"\b(?:alle |samtliche )?(?:vorherigen|bisherigen) (?:informationen|anweisungen)\b.{0,60}\b(?:sind|waren) (?:irrelevant|nicht ganz|unwichtig|falsch|ungultig)"),
        Rule(0.9, ["ignor", "oubli", "tiens pas compte", "abstraction"],
            $@"{NotNegated}\b(?:ignore[rz]?|ignores|oublie[rz]?|oublies|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction)\b(?:\s+\S+){{0,3}}?\s+(?:toutes?|tous|les|tes|vos|des|de)\b(?:\s+\S+){{0,2}}?\s+(?:instructions|consignes|regles|directives|ordres|indications|commandes|taches|informations)\b"),
        Rule(0.85, ["oubli", "ignor"],
            @"\b(?:oublie|oubliez|ignore|ignorez)\s+(?:tout|tout ce qui precede|ce qui precede|tout ce que)\b"),
        Rule(0.9, ["ignor", "olvid", "descart", "omit", "caso omiso"],
            $@"{NotNegated}\b(?:ignora|ignore|ignoren|ignorar|olvida|olvide|olviden|olvidar|descarta|descarte|omite|omita|haz caso omiso|haga caso omiso)\b(?:\s+\S+){{0,3}}?\s+(?:todas?|todos|las|los|tus|sus|de|a)\b(?:\s+\S+){{0,2}}?\s+(?:instrucciones|indicaciones|reglas|ordenes|directrices|comandos|tareas|informaciones)\b"),
        Rule(0.85, ["olvid", "ignor"],
            @"\b(?:olvida|olvide|olvidar|ignora|ignore)\s+(?:todo|todo lo anterior|lo anterior|todo lo que)\b"),
        Rule(0.9, ["ignora", "dimentica", "trascura"],
            @"\b(?:ignora|ignorate|dimentica|dimenticate|trascura)\b(?:\s+\S+){0,3}?\s+(?:tutte|tutti|le|i|tue|precedenti)\b(?:\s+\S+){0,2}?\s+(?:istruzioni|regole|indicazioni|comandi)\b|\bdimentica(?:te)? tutto\b"),
        Rule(0.9, ["ignor", "esquec", "desconsider"],
            @"\b(?:ignore|ignora|ignorar|esqueca|esquece|esquecer|desconsidere)\b(?:\s+\S+){0,3}?\s+(?:todas|as|suas|tuas)\b(?:\s+\S+){0,2}?\s+(?:instrucoes|regras|ordens|indicacoes)\b|\besquec[ae] tudo\b"),
        Rule(0.9, ["negeer", "vergeet"],
            @"\b(?:negeer|vergeet)\b(?:\s+\S+){0,3}?\s+(?:alle|de|je)\b(?:\s+\S+){0,2}?\s+(?:instructies|regels|opdrachten)\b|\bvergeet alles\b"),
        Rule(0.9, ["игнор", "забуд", "забыв", "не обращай"],
            @"(?:игнорируй\w*|забудь\w*|забудьте|забывай\w*|не обращай\w* внимания на)(?:\s+\S+){0,3}?\s+(?:все|всё|предыдущ\w+|прошл\w+|эти|свои|ваши|твои)?\s*(?:инструкци\w*|указани\w*|правил\w*|команд\w*|всё|все)"),
        Rule(0.85, ["zaboravi", "ignoriraj"],
            @"\b(?:zaboravi|zaboravite|ignoriraj|ignorirajte)\b(?:\s+\S+){0,2}?\s+(?:instrukcije|upute|pravila|sve)\b"),
    ];

    private static PatternRule Rule(double score, string[] triggers, string pattern) =>
        new(RuleIds.Override, score, Reason, Rails.InputAndContext, PatternView.Folded, triggers, pattern);
}
