using static SecureRag.Guardrail.Domain.Detectors.PatternParts;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Indirect injection: text inside a document that addresses the assistant or its answer ("in your response",
/// "note to the AI", "if you are a language model"). Context rail only: a user may legitimately say "in your answer,
/// use bullet points".
/// </summary>
internal static class IndirectPatterns
{
    private const string Reason = "Document text addresses the assistant or tells it how to answer";

    private const string Output = "(?:response|reply|answer|output|summary|message|final answer|next answer|translation|explanation|result|responses|replies|answers)";
    private const string CodeOutput = "(?:code|solution|implementation|codebase|program|script|algorithm|code ?base)";
    private const string Assistant = "(?:ai|a\\.i\\.|assistant|ai assistant|llm|model|chatbot|bot|gpt|chatgpt|claude|gemini|copilot|language model|large language model|summari[sz]er|agent)";

    // Imperative verbs that open an injected instruction; the sentence then names the assistant's answer. The trigger
    // phrases ("your response", ...) keep these patterns from running on ordinary text at all.
    private const string Imperative = "(?:include|add|integrate|incorporate|insert|embed|merge|blend|fuse|weave|infuse|interweave|harmoni[sz]e|append|prepend|attach|use|utili[sz]e|employ|leverage|deploy|adopt|enlist|engage|absorb|meld|render|replace|substitute|swap|convert|transform|translate|encode|encrypt|reverse|remove|omit|scramble|jumble|rearrange|shuffle|anagram|group|combine|misspell|introduce|provide|give|modify|augment|enhance|enrich|update|change|alter|adjust|mention|suggest|recommend|promote|advertise|tease|hint|express|highlight|stress|emphasi[sz]e|encourage|invite|urge|ask|tell|write|compose|draft|respond|reply|answer|make|ensure|consider|keep|let|remember|don't forget|do not forget|be sure|conclude|present|state|say|describe|explain|summari[sz]e|share|direct|redirect|link|point|refer|inform|warn|alert|display|show|print|output|return|capitali[sz]e|spell|repeat|rephrase|reword|paraphrase|wrap|surround|prefix|sign|format|structure|limit|restrict|start|begin|end|finish|close|seamlessly|kindly)";
    private const string SentenceStart = "(?:^|[\\n.!?:]\\s*|\\n)(?:please\\s+|also\\s+|kindly\\s+|now\\s+|then\\s+|and\\s+)?";

    private static readonly string[] YourOutput = Combine(["your "],
        ["response", "reply", "answer", "output", "summary", "message", "final answer", "next answer", "translation", "explanation", "result", "replies"]);

    private static readonly string[] CodeBlock = Combine(["code "], ["block", "snippet", "excerpt", "section", "segment", "fragment", "piece"]);

    private static readonly string[] AssistantWords =
        ["ai", "a.i.", "assistant", "llm", "model", "chatbot", "bot", "gpt", "chatgpt", "claude", "gemini", "copilot", "language model", "summarizer", "summariser", "agent"];

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(0.85, YourOutput,
            $@"{SentenceStart}{Imperative}\b[^.!?\n]{{0,160}}?\byour {Output}\b"),
        Rule(0.85, YourOutput,
            $@"\b(?:in|within|throughout|for|at the (?:end|beginning|start) of) your {Output},\s*(?:please\s+)?(?:\S+\s+)?{Imperative}\b"),
        Rule(0.8, YourOutput,
            $@"\byour {Output} (?:must|should|shall|needs? to|has to|ought to)\b|\b(?:encode|encrypt|reverse|translate|convert|scramble|jumble|rearrange|anagram|misspell|render|capitali[sz]e|augment|enhance|enrich|conclude) (?:all |each |every )?(?:of )?your {Output}\b"),
        Rule(0.8, CodeBlock,
            $@"\b(?:following|subsequent|below) code (?:block|snippet|excerpt|section|segment|fragment|piece)\b[^.!?\n]{{0,120}}?\byour {CodeOutput}\b|\byour {CodeOutput}\b[^.!?\n]{{0,60}}?\b(?:following|subsequent|below) code (?:block|snippet|excerpt|section|segment|fragment|piece)\b"),
        Rule(0.75, Combine(["respond ", "reply ", "answer ", "write ", "output ", "communicate "], ["in ", "using ", "with ", "only "]),
            @"\b(?:respond|reply|answer|write|output|communicate)\s+(?:only\s+)?(?:in|using|with)\s+(?:base64|emojis?|pig latin|reverse(?:d)? (?:order|text)|all caps|uppercase|capital letters|leetspeak|morse(?: code)?|binary|hex(?:adecimal)?|rot13|a caesar cipher|french|spanish|german|chinese|japanese|russian|italian|portuguese|arabic|korean|hindi|dutch)\b"),
        Rule(0.9, ["you are", "you're"],
            $@"\b(?:if|when|since|as|because) you(?:'re| are) (?:an? |the )?(?:ai|artificial intelligence|assistant|ai assistant|language model|llm|chatbot|bot|gpt|large language model|ai model|automated system)\b"),
        Rule(0.9, Combine(["to ", "for ", "to the ", "for the ", "to any ", "to all ", "for any ", "for all "], AssistantWords),
            $@"\b(?:note|message|instructions?|attention|important|reminder|notice|p\.?s\.?)s?\s*(?:to|for)\s*(?:the\s*|any\s*|all\s*)?{Assistant}s?\b"),
        Rule(0.85, Combine(AssistantWords, [",", ":", "!", " ,", " :", "s,", "s:"]),
            $@"(?:^|[\n.!?]\s*|\b(?:dear|hey|hi|hello|attention|ok|okay)\s+){Assistant}s?\s*[,:!]\s*(?:please\s+)?(?:ignore|disregard|forget|do not|don't|you must|you should|make sure|always|never|include|add|say|tell|write|respond|reply|answer|summari[sz]e|output|print|send|forward|insert|append|translate|recommend|mention)\b"),
        Rule(0.75, Combine(["summarizing ", "summarising ", "answering ", "responding ", "replying ", "processing ", "reading ", "analyzing ", "analysing ", "translating "], ["this", "the ", "these", "about this"]),
            @"\b(?:when|while|before|after|if) (?:you are |you're )?(?:summari[sz]ing|answering|responding|replying|processing|reading|analy[sz]ing|translating) (?:this|the|these|about this)\b"),
        Rule(0.9, ["the user"],
            @"\b(?:do not|don't|never) (?:mention|reveal|tell|disclose|say|show|explain) (?:this|these|that|any of this)(?: instructions?| message| note| text)? (?:to|with) the user\b|\bthe user (?:must|should) not (?:know|see|be told|find out)\b"),
        Rule(0.7, Combine(["user", "users", "reader", "readers", "recipient", "recipients"], [" to", " that"]),
            @"\b(?:tell|inform|convince|ask|urge|remind|instruct|direct|persuade|encourage|invite|prompt) (?:the )?(?:users?|readers?|recipients?) (?:to|that)\b"),
        Rule(0.85, ["antwort", "ausgabe", "zusammenfassung"],
            @"\bin (?:deiner|ihrer|eurer|der) (?:antwort|ausgabe|zusammenfassung|ruckmeldung)\b|\b(?:deine|ihre) antwort (?:muss|soll|sollte)\b"),
        Rule(0.85, ["reponse", "resume", "sortie"],
            @"\b(?:dans|a|avec) (?:ta|votre) (?:reponse|sortie|resume)\b|\b(?:ta|votre) reponse (?:doit|devrait)\b"),
        Rule(0.85, ["respuesta", "resumen", "salida"],
            @"\ben (?:tu|su) (?:respuesta|salida|resumen)\b|\b(?:tu|su) respuesta (?:debe|deberia)\b"),
        Rule(0.85, ["risposta", "resposta"],
            @"\bnella (?:tua|sua) risposta\b|\b(?:na|em) (?:sua|tua) resposta\b"),
    ];

    private static PatternRule Rule(double score, string[] triggers, string pattern) =>
        new(RuleIds.Indirect, score, Reason, Rails.Context, PatternView.Folded, triggers, pattern);
}
