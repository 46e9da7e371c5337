namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Japanese, Chinese (simplified and traditional) and Korean attack phrasings. They read the squashed view (letters
/// only), which is the natural form of text written without spaces and also undoes spaces inserted between
/// characters.
/// </summary>
internal static class CjkPatterns
{
    private const string JaPrior = "(?:以前|前|上記|上|これまで|今まで|先程|先ほど|さっき|最初|元|既存|全て|すべて|全部|与えられた|システム)";
    private const string JaTarget = "(?:指示|命令|指令|ルール|設定|プロンプト|制約|会話|内容|情報|規則|ガイドライン|タスク)";
    private const string ZhVerb = "(?:忽略|无视|無視|忽視|忘记|忘記|忘掉|不要理会|不要理會|不理会|不理會|别管|別管|放弃|放棄|跳过|跳過|抛开|拋開|丢弃|丟棄|无需遵守|無需遵守|不用遵守|不要遵守|不必遵守)";
    private const string ZhTarget = "(?:指令|指示|命令|规则|規則|提示|说明|說明|设定|設定|要求|约束|約束|内容|內容|对话|對話|限制|任务|任務)";

    public static IEnumerable<PatternRule> Rules() =>
    [
        Rule(RuleIds.Override, 0.9, "Asks the model to ignore or replace its instructions",
            ["無視", "忘れ", "破棄", "取り消", "従わ"],
            $"{JaPrior}(?:の|に)?(?:すべて|全て|全部|一切)?の?{JaTarget}(?:を|は|に)?(?:すべて|全て|全部|一切)?(?:無視|忘れ|破棄|取り消|従わな)"),
        Rule(RuleIds.Override, 0.85, "Asks the model to ignore or replace its instructions",
            ["忘れ", "無視"],
            "(?:すべて|全て|全部|今までのこと|これまでのこと)を?(?:忘れ|無視し)|新しい(?:指示|命令|タスク)(?:は|を|に従)"),
        Rule(RuleIds.Override, 0.9, "Asks the model to ignore or replace its instructions",
            ["忽", "无视", "無視", "忘", "不要理", "不理", "别管", "別管", "放弃", "放棄", "跳过", "跳過", "抛开", "拋開", "丢弃", "丟棄", "遵守"],
            $"{ZhVerb}(?:掉)?(?:你|您)?(?:之前|以前|先前|此前|上面|上述|前面|以上|原来|原來|原有|原始|所有|全部|一切|系统|系統|开发者|開發者)(?:的|给|給|收到的|被给予的)?(?:所有|全部|一切)?(?:的)?{ZhTarget}|{ZhVerb}(?:以上|上面|上述|前面)(?:所有|全部)?(?:的)?(?:内容|內容)?|(?:忘记|忘記|忘掉)(?:一切|所有|全部)"),
        Rule(RuleIds.Override, 0.85, "Asks the model to ignore or replace its instructions",
            ["新的", "新指令", "新任务", "新任務"],
            "(?:新的|新)(?:指令|指示|任务|任務)(?:是|如下|为|為)"),
        Rule(RuleIds.Extraction, 0.9, "Asks the model to reveal its system prompt or instructions",
            ["プロンプト", "指示", "命令", "ルール", "設定", "内容", "文章", "テキスト"],
            "(?:システムプロンプト|初期プロンプト|プロンプト|システム(?:の)?(?:指示|設定|メッセージ)|(?:あなたの|君の|お前の|最初の|元の|隠された|秘密の)(?:指示|命令|ルール|設定))(?:を|の内容を|の全文を|を全て|をすべて)?.{0,8}?(?:表示|教え|出力|見せ|繰り返|書き出|開示|公開|印刷|言って|述べ)|(?:上記|上|前|これまで|最初)の(?:内容|文章|テキスト|文|指示|メッセージ)を(?:すべて|全て|そのまま)?(?:繰り返|出力|表示|書き出|教え)"),
        Rule(RuleIds.Extraction, 0.9, "Asks the model to reveal its system prompt or instructions",
            ["提示", "指令", "指示", "设定", "設定", "规则", "規則", "内容", "內容"],
            "(?:显示|顯示|输出|輸出|告诉我|告訴我|打印|重复|重複|透露|泄露|洩露|展示|给我看|給我看|列出|说出|說出|写出|寫出|复述|複述|公开|公開)(?:一下|出)?(?:你的|您的|你|所有的|全部的|完整的)?(?:系统|系統|初始|原始|隐藏|隱藏|最初|秘密)(?:的)?(?:提示词|提示詞|提示語|提示语|提示|指令|指示|设定|設定|规则|規則)|(?:你的|您的)(?:系统提示|系統提示|提示词|提示詞|初始指令|系统指令|系統指令)(?:是什么|是什麼|是啥)|(?:上面|以上|之前)的(?:内容|內容|文字|所有内容|所有內容)(?:重复|重複|复述|複述|输出|輸出)"),
        Rule(RuleIds.RolePlay, 0.7, "Asks the model to take on another role or persona",
            ["あなたは", "として", "のように", "ロールプレイ", "なりきって", "ふり", "フリ"],
            "あなたは(?:今から|これから|今後|今日から)|(?:として|のように)(?:振る舞|ふるま|行動|演じ|回答し|答え|話し)|ロールプレイ|になりきって|(?:ふり|フリ)をして"),
        Rule(RuleIds.RolePlay, 0.7, "Asks the model to take on another role or persona",
            ["现在是", "現在是", "开始", "開始", "起你", "扮演", "假装", "假裝"],
            "你(?:现在|現在)是|(?:从|從)(?:现在|現在)(?:开始|開始|起)你|扮演|假装(?:你是|成)|假裝(?:你是|成)|角色扮演"),
        Rule(RuleIds.Jailbreak, 0.85, "Jailbreak framing: asks the model to drop its restrictions",
            ["脱獄", "ジェイルブレイク", "開発者モード", "制限", "越狱", "越獄", "开发者模式", "開發者模式", "限制", "审查", "審查", "过滤", "過濾"],
            "脱獄|ジェイルブレイク|(?:ai|あなた|アシスタント).{0,10}開発者モード|制限(?:なし|のない|を解除|を無視|を外)|越狱|越獄|(?:开发者|開發者)模式|(?:没有|沒有|不受|无|無|解除|去掉)(?:任何)?(?:的)?(?:道德|伦理|倫理|安全)?(?:限制|约束|約束|审查|審查|过滤|過濾)"),
        Rule(RuleIds.Override, 0.9, "Asks the model to ignore or replace its instructions",
            ["무시", "잊어"],
            "(?:이전|위의|앞의|기존|모든)(?:의)?(?:모든)?(?:지시|명령|지침|규칙|프롬프트)(?:사항)?(?:을|를|은|는)?(?:모두|전부)?(?:무시|잊어)"),
        Rule(RuleIds.Extraction, 0.85, "Asks the model to reveal its system prompt or instructions",
            ["프롬프트", "지시"],
            "(?:시스템프롬프트|프롬프트|너의지시|당신의지시)(?:를|을)?(?:모두|전부)?(?:보여|출력|알려|공개|반복)"),
    ];

    private static PatternRule Rule(string ruleId, double score, string reason, string[] triggers, string pattern) =>
        new(ruleId, score, reason, Rails.InputAndContext, PatternView.Squashed, triggers, pattern);
}
