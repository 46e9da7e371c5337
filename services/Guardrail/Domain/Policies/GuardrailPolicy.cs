namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>An app's effective policy: every rule of every rail resolved, defaults filled in.</summary>
public sealed record GuardrailPolicy(RailPolicy Input, RailPolicy Context, RailPolicy Output, AuditTextMode AuditText)
{
    public const int DefaultMaxChars = 32_000;

    public static GuardrailPolicy Default { get; } = new(
        new RailPolicy { Rules = RuleCatalog.Defaults(RailKind.Input) },
        new RailPolicy { Rules = RuleCatalog.Defaults(RailKind.Context) },
        new RailPolicy { Rules = RuleCatalog.Defaults(RailKind.Output) },
        AuditTextMode.Hashed);

    public RailPolicy For(RailKind rail) => rail switch
    {
        RailKind.Input => Input,
        RailKind.Context => Context,
        _ => Output,
    };
}
