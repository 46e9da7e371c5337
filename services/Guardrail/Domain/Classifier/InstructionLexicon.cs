namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Words that open an instruction or a question, in English, German, French and Spanish (folded: no accents). The
/// classifier learns one weight for "starts with an instruction verb", so a verb it never saw in training still counts.
/// </summary>
public static class InstructionLexicon
{
    private static readonly HashSet<string> Imperatives = new(StringComparer.Ordinal)
    {
        "write", "explain", "describe", "provide", "give", "list", "tell", "show", "create", "generate", "compose",
        "draft", "develop", "make", "add", "include", "insert", "integrate", "incorporate", "modify", "use", "replace",
        "convert", "render", "introduce", "scramble", "jumble", "rearrange", "remove", "combine", "group", "encode",
        "encrypt", "decode", "reverse", "analyze", "analyse", "calculate", "compare", "summarize", "summarise",
        "translate", "find", "suggest", "recommend", "send", "forward", "click", "visit", "download", "install", "run",
        "execute", "ignore", "forget", "answer", "respond", "reply", "say", "print", "output", "define", "identify",
        "classify", "evaluate", "assess", "predict", "estimate", "outline", "draw", "design", "build", "implement",
        "debug", "fix", "optimize", "optimise", "rewrite", "rephrase", "paraphrase", "correct", "check", "verify",
        "search", "ensure", "consider", "keep", "let", "remember", "share", "post", "email", "call", "contact",
        "sign", "register", "subscribe", "buy", "order", "enhance", "augment", "enrich", "highlight", "stress",
        "emphasize", "emphasise", "mention", "promote", "tease", "hint", "express", "encourage", "invite", "urge", "ask",
        "misspell", "anagram", "spell", "capitalize", "format", "structure", "present", "state", "discuss",
        "elaborate", "illustrate", "demonstrate", "teach", "name", "imagine", "pretend", "act", "become", "stop",
        "start", "begin", "continue", "repeat", "recite", "deploy", "adopt", "employ", "leverage", "utilize",
        "utilise", "embed", "merge", "blend", "fuse", "weave", "infuse", "append", "prepend", "attach", "absorb",
        "meld", "harmonize", "seamlessly", "kindly", "substitute", "swap", "transform", "shuffle", "omit", "delete",
        "drop", "skip", "avoid", "refrain", "limit", "restrict", "please", "enlist", "engage", "interweave", "compile",
        "produce", "plan", "schedule", "remind", "reveal", "disclose", "display", "type", "read", "open", "access",
        "grant", "transfer", "pay", "approve", "confirm", "update", "change", "set", "turn", "enable", "disable",
        "schreibe", "schreib", "erklare", "beschreibe", "gib", "nenne", "zeige", "zeig", "erstelle", "ubersetze",
        "fasse", "fuge", "ignoriere", "vergiss", "antworte", "sage", "sag", "formuliere", "verfasse", "beantworte",
        "bitte", "ecris", "explique", "decris", "donne", "fais", "montre", "traduis", "ajoute", "oublie", "reponds",
        "dis", "indique", "escribe", "explica", "da", "dame", "haz", "muestra", "traduce", "agrega", "anade", "ignora",
        "olvida", "responde", "di", "dime", "incluye",
    };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "who", "how", "why", "when", "where", "which", "whom", "whose", "can", "could", "would", "will", "is",
        "are", "do", "does", "did", "should", "was", "wer", "wie", "warum", "wann", "wo", "welche", "welcher", "que",
        "quoi", "qui", "comment", "pourquoi", "quand", "quel", "quelle", "quien", "como", "cual", "cuando", "donde",
        "por",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ImperativeLookup =
        Imperatives.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> QuestionLookup =
        QuestionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsImperative(ReadOnlySpan<char> word) => ImperativeLookup.Contains(word);

    public static bool IsQuestionWord(ReadOnlySpan<char> word) => QuestionLookup.Contains(word);
}
